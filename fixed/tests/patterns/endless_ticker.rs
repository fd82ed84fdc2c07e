//! Endless ticker: with a check that never passes, no fix leaves a worker ticking.

mod default_threads {
    workshop::standard_checks!(
        threads,
        fixed::endless_ticker::threads,
        never_ready
    );
}
mod default_tasks {
    workshop::standard_checks!(tasks, fixed::endless_ticker::tasks, never_ready);
}
mod closed_threads {
    workshop::standard_checks!(
        threads,
        fixed::endless_ticker::closed::threads,
        never_ready
    );
}
mod closed_tasks {
    workshop::standard_checks!(
        tasks,
        fixed::endless_ticker::closed::tasks,
        never_ready
    );
}

// The endless ticker's fixes must also still answer when the check does pass, and leave
// nothing behind then too.
mod default_threads_ready {
    workshop::leaves_nothing_behind!(
        threads,
        fixed::endless_ticker::threads,
        ready
    );
}
mod default_tasks_ready {
    workshop::leaves_nothing_behind!(tasks, fixed::endless_ticker::tasks, ready);
}
