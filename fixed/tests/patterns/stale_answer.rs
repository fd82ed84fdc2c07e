//! Stale answer: with every fix, an answer reaches only the call that asked for it.

mod default_threads {
    workshop::standard_checks!(threads, fixed::stale_answer::threads, ready);
}
mod default_tasks {
    workshop::standard_checks!(tasks, fixed::stale_answer::tasks, ready);
}
mod tagged_threads {
    workshop::standard_checks!(
        threads,
        fixed::stale_answer::tagged::threads,
        ready
    );
}
mod tagged_tasks {
    workshop::standard_checks!(tasks, fixed::stale_answer::tagged::tasks, ready);
}
