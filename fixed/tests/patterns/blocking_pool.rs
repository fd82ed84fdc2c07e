//! Blocking pool: the blocking loop stops when its call returns, its pool lets the idle
//! thread go, and the fix keeps the whole contract (workshop::contract).

workshop::contract!(blocking, fixed::blocking_pool::tasks, whole);
