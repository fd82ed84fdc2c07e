//! A stack in a report: the frames of the user's own code, innermost first, each run of
//! library frames folded into the one line that names what the user's code called, and
//! the well-known idle pool threads named for what they are.

use std::fmt;

use super::ThreadStack;
use super::frames::{Frame, is_runtime_library};

/// A pool that keeps threads asleep on purpose, known by where they wait.
pub(super) struct IdlePool {
    /// The pool's own wait for work: an idle thread waits in it (and a thread running a
    /// job has the job's frames inside it, so is not taken for idle).
    pub(super) waits_in: &'static str,
    pub(super) what: &'static str,
    /// What else ends the idle thread.
    pub(super) instead: &'static str,
}

/// Threads that wait for work by design: reported all the same (they are alive), with
/// what they are and how to excuse them.
pub(super) const IDLE_POOLS: &[IdlePool] = &[
    IdlePool {
        // An idle blocking thread waits for a job in the pool's own loop, for
        // `thread_keep_alive` (10 s by default) after its last one.
        waits_in: "tokio::runtime::blocking::pool::Inner::run",
        what: "an idle thread of tokio's blocking pool, which keeps it for 10 s after its \
               last job",
        instead: "drop or shut down the runtime first, or set Builder::thread_keep_alive",
    },
    IdlePool {
        // A rayon worker with nothing to steal falls asleep here until work arrives.
        waits_in: "rayon_core::registry::WorkerThread::wait_until_cold",
        what: "an idle rayon worker, waiting for work until its pool is dropped",
        instead: "drop the pool first (for the global pool, record its threads with \
                  StartedThreads in start_handler)",
    },
];

/// `crossbeam-channel's Sender::send`: what a run of library frames is, named by its
/// outermost frame, the one the user's code called. An inlined function may be named by
/// its last part only (`std's lock`): that is what the debug info says of it.
fn library_call(run: &[&Frame]) -> String {
    let Some(frame) = run.last() else {
        return String::new();
    };
    let parts: Vec<&str> = frame
        .function
        .split("::")
        .filter(|part| *part != "{{closure}}")
        .collect();
    // `Type::method`, or a free function's name alone (its module says little).
    let tail = match parts[..] {
        [.., ty, method] if ty.starts_with(char::is_uppercase) => format!("{ty}::{method}"),
        [.., function] => function.to_owned(),
        [] => frame.function.clone(),
    };
    format!("{}'s {tail}", frame.krate)
}

/// The report's lines for a group of threads with this stack (or `None`: not read).
pub(crate) fn write(f: &mut fmt::Formatter<'_>, stack: Option<&ThreadStack>) -> fmt::Result {
    let Some(stack) = stack else { return Ok(()) };
    if let Some(why) = stack.why_missing() {
        return write!(f, "\n    stack: {why}");
    }
    let frames = stack.frames();
    let mut library: Vec<&Frame> = Vec::new();
    let mut own_seen = false;
    for frame in frames {
        if !frame.named {
            continue;
        }
        if !frame.own {
            library.push(frame);
            continue;
        }
        let at = frame
            .place
            .as_deref()
            .unwrap_or("a line not known (no line tables)");
        let how = if own_seen { "called from" } else { "waits at" };
        write!(f, "\n    {how} {at}")?;
        if !library.is_empty() {
            let word = if own_seen { "through" } else { "in" };
            write!(f, ", {word} {}", library_call(&library))?;
            library.clear();
        }
        write!(f, "\n        in {}", frame.function)?;
        own_seen = true;
    }
    if !own_seen && frames.iter().any(|frame| !frame.named) {
        f.write_str(
            "\n    stack: unwound, but frames of it could not be named, so whether it waits in \
             your code cannot be told (the symbols of a file it runs in could not be loaded: \
             was the program deleted or replaced since it started?)",
        )?;
    } else if !own_seen {
        if library.is_empty() {
            f.write_str(
                "\n    stack: read, but no frame could be named (the program's symbols could not \
                 be loaded, or the memory to load them could not be had)",
            )?;
        } else {
            // What it waits in: the innermost frame past std and libc (a pool's loop).
            let run = match library
                .iter()
                .position(|frame| !is_runtime_library(&frame.krate))
            {
                Some(at) => &library[..=at],
                None => &library[..],
            };
            // Code of yours inlined into a library function (a small thread closure, in
            // an optimized build) leaves no frame of its own; line tables still tell it.
            write!(
                f,
                "\n    waits in {}; no frame of its stack is in your code",
                library_call(run)
            )?;
        }
    }
    if let Some(pool) = stack.idle_pool() {
        write!(
            f,
            "\n    this is {}: {}, or excuse it with Options::ignore_top_function({:?})",
            pool.what, pool.instead, pool.waits_in
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_run_is_named_by_the_call_out_of_the_users_code() {
        let frame = |function: &str, krate: &str| Frame {
            function: function.to_owned(),
            place: None,
            krate: krate.to_owned(),
            own: false,
            named: true,
        };
        let send = frame(
            "crossbeam_channel::channel::Sender::send",
            "crossbeam-channel",
        );
        let inlined = frame("send", "crossbeam-channel");
        let futex = frame("syscall", "libc");
        assert_eq!(
            library_call(&[&futex, &send]),
            "crossbeam-channel's Sender::send"
        );
        assert_eq!(
            library_call(&[&futex, &inlined]),
            "crossbeam-channel's send"
        );
        let park = frame("std::thread::functions::park", "std");
        assert_eq!(library_call(&[&futex, &park]), "std's park");
    }
}
