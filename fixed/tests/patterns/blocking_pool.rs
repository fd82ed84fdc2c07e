//! Blocking pool: the blocking loop stops when its call returns, and its pool lets the
//! idle thread go.

workshop::blocking_checks!(fixed::blocking_pool::tasks);
