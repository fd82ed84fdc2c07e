//! The leaky demo: `cargo run -p leaky` calls a pattern a few times and shows the
//! threads and tasks it leaves behind, then the checker's report. `--help` lists
//! the flags.

fn main() -> std::process::ExitCode {
    workshop::demo::main("leaky", &leaky::patterns())
}
