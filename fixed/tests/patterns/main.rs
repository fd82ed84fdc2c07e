//! Every fix of every pattern, proven: the same checks on each (nothing left behind after
//! calls that time out; no answer meant for an earlier call; answered ready with time
//! enough), and, where a fix falls short, a test that shows where.

mod blocked_send;
