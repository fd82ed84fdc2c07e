//! Double send: every fix keeps the whole contract (workshop::contract).

mod default_threads {
    workshop::contract!(threads, fixed::double_send::threads, whole);
}
mod default_tasks {
    workshop::contract!(tasks, fixed::double_send::tasks, whole);
}
mod buffered_threads {
    workshop::contract!(threads, fixed::double_send::buffered::threads, whole);
}
mod buffered_tasks {
    workshop::contract!(tasks, fixed::double_send::buffered::tasks, whole);
}
mod drop_aware_threads {
    workshop::contract!(threads, fixed::double_send::drop_aware::threads, whole);
}
mod drop_aware_tasks {
    workshop::contract!(tasks, fixed::double_send::drop_aware::tasks, whole);
}
