//! The wrong-fix proof's harness: a trial for each case (each clause of a case that must
//! keep them all, each way a capstone's client leaves), each played in a child process of
//! this binary, and the verdict read from what the child says.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};
use workshop::contract::{Clause, caught};

use crate::checks::{Failure, Leave};

/// A module of this target checked against its exercise's contract.
pub(crate) struct Case {
    /// `PATTERN/FLAVOUR/KIND/NAME`: what a filter on the command line matches.
    pub(crate) name: &'static str,
    /// Its file, from the workspace root.
    pub(crate) file: &'static str,
    pub(crate) kind: Kind,
    /// What its check plays.
    pub(crate) run: Run,
}

/// A case's check: the contract, one clause at a time, for an exercise's watcher; the
/// capstone's check, one way of leaving at a time, for a subscription server.
pub(crate) enum Run {
    /// Checks one clause of the contract on its watcher, in this process.
    Contract(fn(Clause)),
    /// Runs the capstone's check with clients that leave so.
    Capstone(fn(Leave) -> Result<(), Failure>),
}

impl Run {
    /// The names of what it plays, one trial each where all must hold.
    fn plays(&self) -> Vec<&'static str> {
        match self {
            Run::Contract(_) => Clause::ALL.map(Clause::test_name).to_vec(),
            Run::Capstone(_) => Leave::ALL.map(Leave::name).to_vec(),
        }
    }
}

/// Runs a capstone check on a current-thread runtime of its own, as `#[tokio::test]` does.
pub(crate) fn on_runtime(
    check: impl Future<Output = Result<(), Failure>>,
) -> Result<(), Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure(format!("cannot start a runtime: {e}")))?
        .block_on(check)
}

/// What a case must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The exercise as shipped, its leaky module: it breaks a clause.
    Shipped,
    /// A solution in `fixed/`: it keeps every clause.
    Solution,
    /// A right fix written differently: it keeps every clause.
    Right,
    /// A wrong fix: it breaks the clause its `//! Breaks:` line names.
    Wrong,
}

/// Set in a child to the case it plays, and what of it: a clause, or a way of leaving.
const CASE_ENV: &str = "WRONG_FIXES_CASE";
const PLAY_ENV: &str = "WRONG_FIXES_PLAY";

/// What a failed capstone check prints before its words: how the parent knows it failed.
const CAPSTONE_FAILED: &str = "the capstone's check failed:";

/// How many children play at once: they mostly wait, on real time or on nothing.
const AT_ONCE: usize = 4;

/// How long a child may take: a check that never ends is itself a failure.
const CHILD_LIMIT: Duration = Duration::from_secs(60);

pub(crate) fn main(cases: &'static [Case]) -> ExitCode {
    if let Ok(name) = std::env::var(CASE_ENV) {
        return child(cases, &name);
    }
    let mut args = Arguments::from_args();
    args.test_threads.get_or_insert(AT_ONCE);
    let mut trials =
        vec![Trial::test("exercises/shipped_as_their_leaky_modules", || {
            exercises_as_shipped(cases)
        })];
    for case in cases {
        match case.kind {
            Kind::Wrong => trials.push(Trial::test(case.name, move || wrong(case))),
            Kind::Shipped => {
                trials.push(Trial::test(case.name, move || shipped(case)))
            }
            Kind::Solution | Kind::Right => {
                for play in case.run.plays() {
                    let name = format!("{}/{play}", case.name);
                    trials.push(Trial::test(name, move || keeps(case, play)));
                }
            }
        }
    }
    libtest_mimic::run(&args, trials).exit_code()
}

/// In a child: plays one clause (or way of leaving) of one case, prints what broke as the
/// learner reads it, and says by its exit status whether it held.
fn child(cases: &[Case], name: &str) -> ExitCode {
    let play = std::env::var(PLAY_ENV).unwrap_or_default();
    let Some(case) = cases.iter().find(|case| case.name == name) else {
        eprintln!("no case '{name}' in this build");
        return ExitCode::from(2);
    };
    let held = match &case.run {
        Run::Contract(run) => {
            let Some(clause) =
                Clause::ALL.into_iter().find(|c| c.test_name() == play)
            else {
                eprintln!("'{play}' is no clause of the contract");
                return ExitCode::from(2);
            };
            caught(|| run(clause)).map_err(|broken| broken.to_string())
        }
        Run::Capstone(run) => {
            let Some(leave) = Leave::ALL.into_iter().find(|l| l.name() == play)
            else {
                eprintln!("'{play}' is no way of leaving");
                return ExitCode::from(2);
            };
            run(leave).map_err(|Failure(why)| format!("{CAPSTONE_FAILED}\n{why}"))
        }
    };
    match held {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("{why}");
            ExitCode::FAILURE
        }
    }
}

/// What a child said: whether the clause held, and its output.
struct Played {
    held: bool,
    output: String,
}

/// Plays `play` (a clause, or a way of leaving) of `case` in a child process, within
/// [`CHILD_LIMIT`].
fn play(case: &Case, play: &str) -> Result<Played, Failed> {
    let mut child =
        Command::new(std::env::current_exe().map_err(|e| e.to_string())?)
            .env(CASE_ENV, case.name)
            .env(PLAY_ENV, play)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start a child for {}: {e}", case.name))?;
    // Both pipes are drained as the child writes, so that a full pipe never stalls it.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_string(&mut text);
            }
            text
        })
    };
    let stdout =
        drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let stderr =
        drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break Some(status);
        }
        if started.elapsed() > CHILD_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        // Polls a child's exit: the harness's own bookkeeping, not a test's synchronisation.
        std::thread::sleep(Duration::from_millis(5));
    };
    let output = format!(
        "{}{}",
        stdout.join().unwrap_or_default(),
        stderr.join().unwrap_or_default()
    );
    match status {
        None => Err(format!(
            "{}: the check of '{play}' had not ended after {}s; it must end, whatever the \
             code under test does:\n{output}",
            case.file,
            CHILD_LIMIT.as_secs()
        )
        .into()),
        Some(status) if status.success() => Ok(Played { held: true, output }),
        Some(status)
            if status.code() == Some(1)
                && (output.contains("breaks the contract:") || output.contains(CAPSTONE_FAILED)) =>
        {
            Ok(Played {
                held: false,
                output,
            })
        }
        Some(status) => Err(format!(
            "{}: the check of '{play}' ended ({status}) without a verdict:\n{output}",
            case.file
        )
        .into()),
    }
}

/// The clause a broken check names: the line after "breaks the contract:".
fn named(output: &str) -> Option<Clause> {
    let mut lines = output.lines();
    lines.find(|line| line.ends_with("breaks the contract:"))?;
    Clause::from_words(lines.next()?)
}

/// A wrong fix breaks the clause it says it breaks; a capstone's wrong fix fails its check
/// printing what its `//! Caught by:` line says.
fn wrong(case: &Case) -> Result<(), Failed> {
    let text = std::fs::read_to_string(root().join(case.file))
        .map_err(|e| e.to_string())?;
    if let Run::Capstone(_) = case.run {
        return caught_by(case, &text);
    }
    let breaks = text
        .lines()
        .find_map(|line| line.strip_prefix("//! Breaks: "))
        .ok_or_else(|| {
            format!(
                "{} says on no '//! Breaks: CLAUSE.' line which clause it breaks",
                case.file
            )
        })?;
    let clause = Clause::from_words(breaks).ok_or_else(|| {
        format!(
            "{}: '{breaks}' is no clause of the contract; it is one of: {}",
            case.file,
            Clause::ALL.map(|c| c.to_string()).join("; ")
        )
    })?;
    let played = play(case, clause.test_name())?;
    match (played.held, named(&played.output)) {
        (true, _) => Err(format!(
            "the wrong fix {} passes the check of '{clause}', the clause it breaks: the check \
             can be fooled\n{}",
            case.file, played.output
        )
        .into()),
        (false, Some(named)) if named == clause => Ok(()),
        (false, named) => Err(format!(
            "the wrong fix {} failed the check of '{clause}' naming {}, not the clause it \
             breaks:\n{}",
            case.file,
            named.map_or("no clause".to_owned(), |c| format!("'{c}'")),
            played.output
        )
        .into()),
    }
}

/// A capstone's wrong fix fails the check, in one way of leaving or another, printing
/// what its `//! Caught by: TEXT.` line says.
fn caught_by(case: &Case, text: &str) -> Result<(), Failed> {
    let caught_by = text
        .lines()
        .find_map(|line| line.strip_prefix("//! Caught by: "))
        .map(|words| words.trim_end_matches('.'))
        .ok_or_else(|| {
            format!(
                "{} says on no '//! Caught by: TEXT.' line how the check fails it",
                case.file
            )
        })?;
    let mut outputs = String::new();
    for leave in case.run.plays() {
        let played = play(case, leave)?;
        if !played.held && played.output.contains(caught_by) {
            return Ok(());
        }
        outputs += &played.output;
    }
    Err(format!(
        "the wrong fix {} must fail the capstone's check printing '{caught_by}', in one way of \
         leaving or another; it did not:\n{outputs}",
        case.file
    )
    .into())
}

/// An exercise as shipped breaks a clause, and says which; the capstone as shipped fails
/// with the checker's report, naming its server.
fn shipped(case: &Case) -> Result<(), Failed> {
    let mut outputs = String::new();
    for what in case.run.plays() {
        let played = play(case, what)?;
        if played.held {
            outputs += &played.output;
            continue;
        }
        return match case.run {
            Run::Contract(_) => named(&played.output).map(drop).ok_or_else(|| {
                format!("{} broke '{what}' without naming it:\n{}", case.file, played.output)
                    .into()
            }),
            Run::Capstone(_) => (played.output.contains("unexpected tasks")
                && played.output.contains("spawned at leaky/capstone/server.rs"))
            .then_some(())
            .ok_or_else(|| {
                format!(
                    "the capstone failed its check without the checker's report naming its \
                     server:\n{}",
                    played.output
                )
                .into()
            }),
        };
    }
    Err(format!(
        "{} as shipped passes its check: it must start red\n{outputs}",
        case.file
    )
    .into())
}

/// A solution or a right fix keeps `play`.
fn keeps(case: &Case, what: &str) -> Result<(), Failed> {
    let played = play(case, what)?;
    if played.held {
        Ok(())
    } else {
        let kind = match case.kind {
            Kind::Solution => "the solution",
            _ => "the right fix",
        };
        Err(format!(
            "{kind} {} is refused: the check refuses a right answer\n{}",
            case.file, played.output
        )
        .into())
    }
}

/// Each exercise as shipped is a copy of its leaky module.
fn exercises_as_shipped(cases: &[Case]) -> Result<(), Failed> {
    let mut differ = Vec::new();
    let exercises =
        cases.iter().filter(|case| matches!(case.run, Run::Contract(_)));
    for case in exercises.filter(|case| case.kind == Kind::Shipped) {
        let exercise = case.file.replacen("leaky/src/", "leaky/exercises/", 1);
        let read = |file: &str| {
            std::fs::read(root().join(file)).map_err(|e| format!("{file}: {e}"))
        };
        if read(case.file)? != read(&exercise)? {
            differ.push(exercise);
        }
    }
    if differ.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "as shipped, an exercise is its leaky module; these differ (`git checkout \
             leaky/exercises/` puts them back): {}",
            differ.join(", ")
        )
        .into())
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}
