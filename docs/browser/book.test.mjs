// The workshop book as an attendee sees it: every page of the built book (docs/book, made
// by `mdbook build docs`) opened in headless Chromium at a laptop's width (1280 px, the
// sidebar open, as mdBook opens it there) and a projector's (1024 px, the sidebar closed),
// and measured there, not by counting characters:
//
// - no code block or output scrolls sideways (its scrollWidth is its clientWidth), folded
//   blocks included, opened for the measure;
// - no figure's text renders under 11 px: each SVG label's font size times the scale the
//   page draws the figure at;
// - every folded block (a hint, a diff, an answer) is folded when the page opens.
//
//   npm ci --prefix docs/browser && mdbook build docs && npm test --prefix docs/browser
//
// The driver is playwright-core, pointed at the system's Chromium (CHROMIUM, or
// /usr/bin/chromium: Debian's `chromium`). It is the driver the field uses, one package
// with no dependencies, and it never downloads a browser (only the `playwright` package's
// install step does); a CDP client crate would add a long build to every CI run for the
// same few calls.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const book = resolve(process.env.BOOK_DIR ?? join(here, "..", "book"));
const browserPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

/// The widths the book is read at, each with the sidebar as mdBook opens it there.
const WIDTHS = [
  { width: 1280, height: 800, sidebar: true },
  { width: 1024, height: 768, sidebar: false },
];
/// The smallest text a figure may draw, in CSS pixels on the page.
const SMALLEST_TEXT_PX = 11;

/// Every chapter page of the built book: its HTML files but the print page (every
/// chapter again, on one page), the 404 page and mdBook's table of contents for readers
/// without JavaScript.
function pages() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const skipped = dir === book && ["print.html", "404.html", "toc.html"].includes(entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.name.endsWith(".html") && !skipped) {
        found.push(path);
      }
    }
  };
  walk(book);
  return found.sort();
}

/// The font sizes an SVG draws its text at, in its own pixels: the `font-size`
/// attributes and style properties of its text.
function fontSizes(svgFile) {
  const svg = readFileSync(svgFile, "utf8");
  const sizes = [];
  for (const m of svg.matchAll(/font-size(?:="|\s*:\s*)([0-9.]+)/g)) {
    sizes.push(Number(m[1]));
  }
  return sizes;
}

/// What one page shows wrong at one width, each a line that names the page and the thing.
async function measure(page, file, { width, sidebar }) {
  const name = relative(book, file);
  const wrong = [];
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  const sidebarShown = await page.evaluate(() =>
    document.documentElement.classList.contains("sidebar-visible"));
  assert.equal(sidebarShown, sidebar,
    `${name} at ${width} px: mdBook ${sidebarShown ? "opened" : "closed"} its sidebar`);

  const open = await page.evaluate(() =>
    [...document.querySelectorAll("details[open]")].map((d) =>
      d.querySelector("summary")?.textContent.trim() ?? "(no summary)"));
  for (const summary of open) {
    wrong.push(`${name} at ${width} px: a folded block is open: '${summary}'`);
  }

  // Figures, as the page draws them. mdBook draws each image twice: in the page, and
  // hidden until clicked, enlarged (`.img-wrapper`); the page's own is the one measured.
  const figures = await page.evaluate(() =>
    [...document.querySelectorAll("main img")]
      .filter((img) => !img.closest(".img-wrapper"))
      .map((img) => ({
        src: img.src,
        shown: img.getBoundingClientRect().width,
        natural: img.naturalWidth,
      })));
  for (const { src, shown, natural } of figures) {
    if (!src.endsWith(".svg")) continue;
    const svgFile = fileURLToPath(src);
    assert.ok(natural > 0, `${name}: the figure ${relative(book, svgFile)} did not load`);
    const scale = shown / natural;
    const smallest = Math.min(...fontSizes(svgFile));
    if (smallest * scale < SMALLEST_TEXT_PX) {
      wrong.push(`${name} at ${width} px: ${relative(book, svgFile)} draws text at ` +
        `${(smallest * scale).toFixed(1)} px (${smallest.toFixed(1)} px at a scale of ` +
        `${scale.toFixed(2)}), under ${SMALLEST_TEXT_PX} px`);
    }
  }

  // Every block, folded ones opened so that they are laid out as a reader who opens them
  // sees them.
  const blocks = await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
    const found = [];
    for (const pre of document.querySelectorAll("main pre")) {
      for (const box of [pre, pre.querySelector("code")]) {
        if (!box || box.scrollWidth <= box.clientWidth) continue;
        const lines = box.textContent.split("\n");
        const widest = lines.reduce((a, b) => (b.length > a.length ? b : a), "");
        found.push({ over: box.scrollWidth - box.clientWidth, widest, first: lines[0] });
        break;
      }
    }
    const tables = [...document.querySelectorAll("main .table-wrapper, main table")]
      .filter((t) => t.scrollWidth > t.clientWidth)
      .map((t) => ({ over: t.scrollWidth - t.clientWidth,
                     first: t.querySelector("tr")?.textContent.trim().slice(0, 60) }));
    const pageOver = document.scrollingElement.scrollWidth -
      document.scrollingElement.clientWidth;
    return { found, tables, pageOver };
  });
  for (const { over, widest } of blocks.found) {
    wrong.push(`${name} at ${width} px: a block scrolls sideways by ${over} px; ` +
      `its widest line (${widest.length} columns): ${widest}`);
  }
  for (const { over, first } of blocks.tables) {
    wrong.push(`${name} at ${width} px: a table scrolls sideways by ${over} px: ${first}`);
  }
  if (blocks.pageOver > 0) {
    wrong.push(`${name} at ${width} px: the page scrolls sideways by ${blocks.pageOver} px`);
  }
  return wrong;
}

test("every page of the book reads whole at a laptop's and a projector's width", async () => {
  const list = pages();
  assert.ok(list.length > 15, `the built book is in ${book} (mdbook build docs)`);
  // Headless, as root, in a closed network: no sandbox, and nothing that reaches out.
  // playwright gives the browser a fresh, empty profile of its own (--user-data-dir in a
  // new temporary folder) and removes it when the browser closes.
  const browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  try {
    const wrong = [];
    for (const size of WIDTHS) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
      });
      const page = await context.newPage();
      for (const file of list) {
        wrong.push(...await measure(page, file, size));
      }
      await context.close();
    }
    assert.deepEqual(wrong, [], `the book as a browser shows it:\n${wrong.join("\n")}`);
  } finally {
    await browser.close();
  }
});
