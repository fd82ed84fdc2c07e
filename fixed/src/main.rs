//! The fixed demo: `cargo run -p fixed` calls a pattern a few times and shows that
//! nothing is left behind, then the checker's verdict. `--help` lists the flags.

fn main() -> std::process::ExitCode {
    workshop::demo::main("fixed", &fixed::patterns())
}
