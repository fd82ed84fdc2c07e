//! Stale answer: every fix keeps the whole contract (workshop::contract): an answer reaches
//! only the call that asked for it, even with calls at once.

mod default_threads {
    workshop::contract!(threads, fixed::stale_answer::threads, whole);
}
mod default_tasks {
    workshop::contract!(tasks, fixed::stale_answer::tasks, whole);
}
