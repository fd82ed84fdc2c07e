//! The fixed demo: `cargo run -p fixed` calls each fix of a pattern a few times and
//! shows that nothing is leaked; a fix whose workers linger for a while says so, and
//! how soon they were given back. `--list` names every fix; `--help` lists the flags.

fn main() -> std::process::ExitCode {
    let krate = workshop::demo::Crate {
        name: "fixed",
        about: "Runs a fix of a leak pattern a few times and shows that it leaks nothing: \
                what lingers right after the last call, and how soon it is given back. \
                Exits with status 1 if anything is leaked at the closing check.",
        exercises: None,
        leaks_expected: false,
        console_port: workshop::console::FIXED_PORT,
    };
    workshop::demo::main(&krate, &fixed::patterns())
}
