//! Double send: no fix leaves a report unsent or a worker waiting, and each reads until ready.

mod default_threads {
    workshop::standard_checks!(threads, fixed::double_send::threads, ready);
}
mod default_tasks {
    workshop::standard_checks!(tasks, fixed::double_send::tasks, ready);
}
mod buffered_threads {
    workshop::standard_checks!(
        threads,
        fixed::double_send::buffered::threads,
        ready
    );
}
mod buffered_tasks {
    workshop::standard_checks!(tasks, fixed::double_send::buffered::tasks, ready);
}
mod drop_aware_threads {
    workshop::standard_checks!(
        threads,
        fixed::double_send::drop_aware::threads,
        ready
    );
}
mod drop_aware_tasks {
    workshop::standard_checks!(tasks, fixed::double_send::drop_aware::tasks, ready);
}
