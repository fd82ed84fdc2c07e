//! Every fix of every pattern, proven: the same checks on each (nothing left behind after
//! calls that time out; no answer meant for an earlier call; answered ready with time
//! enough), and, where a fix falls short, a test that shows where.

mod blocked_send;
mod blocking_pool;
mod detached_handle;
mod double_send;
mod endless_ticker;
mod forgotten_stop;
mod stale_answer;
mod take_first;
mod unclosed_channel;
