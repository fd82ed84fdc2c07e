//! The leaky demo: `cargo run -p leaky` calls a pattern a few times and shows the
//! threads and tasks it leaves behind: what lingers right after the last call, and
//! what is still there, stuck for good, at the closing check. `--help` lists the
//! flags.

fn main() -> std::process::ExitCode {
    let krate = workshop::demo::Crate {
        name: "leaky",
        about: "Calls a leak pattern a few times and shows what it leaves behind: what \
                lingers right after the last call, and what is leaked, stuck for good, at \
                the closing check.",
        exercises: Some("leaky/exercises"),
        leaks_expected: true,
        console_port: workshop::console::LEAKY_PORT,
    };
    workshop::demo::main(&krate, &leaky::patterns())
}
