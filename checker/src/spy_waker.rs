//! A waker that notes where it is cloned. With the platform calls of `sys::macos` and
//! `sys::windows`, one of the three modules of this crate that use `unsafe`, each block
//! with its reason.
//!
//! A future that cannot finish yet keeps a clone of its task's waker, to wake the task
//! later: a channel's send waiting for room, a timer, a lock. That clone is made inside
//! the task's poll, deep in the call chain that runs through the very `.await` the task
//! is stopped at. So a waker that records the stack when it is cloned during a poll
//! learns where the task waits. `std::task::Wake` cannot do this (its wakers clone by
//! bumping a reference count, with no hook), hence a vtable of our own.
//!
//! Invariants. The data pointer of every waker built here is `Arc::into_raw` of a
//! `Spy`, and each waker owns one strong count: `clone` adds one, `wake` and `drop`
//! give one back, `wake_by_ref` neither. Nothing else ever touches the pointer.

#![allow(unsafe_code)]

use std::cell::Cell;
use std::sync::Arc;
use std::task::{RawWaker, RawWakerVTable, Waker};

use crate::traced::Slot;

/// What a spy waker carries: the task's own waker, which does the waking, and the slot
/// where a clone records the stack.
struct Spy {
    inner: Waker,
    slot: Arc<Slot>,
}

/// A `Waker` is `Send` and `Sync` whatever it points to: the vtable below hands a `Spy` to
/// any thread that holds a clone, so a `Spy` must be both, and is checked to be here.
const _: fn() = || {
    fn send_and_sync<T: Send + Sync>() {}
    send_and_sync::<Spy>();
};

thread_local! {
    /// The slot of the traced task being polled on this thread, if any: clones are
    /// recorded only while their own task is polled, which is when the stack runs
    /// through its `.await`.
    static POLLING: Cell<*const Slot> = const { Cell::new(std::ptr::null()) };
}

/// Marks `slot`'s task as being polled on this thread until dropped.
pub(crate) struct Polling {
    previous: *const Slot,
}

impl Polling {
    pub(crate) fn enter(slot: &Arc<Slot>) -> Self {
        let previous = POLLING.with(|p| p.replace(Arc::as_ptr(slot)));
        Self { previous }
    }
}

impl Drop for Polling {
    fn drop(&mut self) {
        POLLING.with(|p| p.set(self.previous));
    }
}

/// A waker that wakes what `inner` wakes, and records in `slot` where it is cloned.
/// Each poll gets a new one: a future that already holds a waker keeps it only while
/// `Waker::will_wake` says it is the same, so a new one makes it clone again, and the
/// record stays current.
pub(crate) fn waker(inner: &Waker, slot: &Arc<Slot>) -> Waker {
    let spy = Arc::new(Spy {
        inner: inner.clone(),
        slot: Arc::clone(slot),
    });
    let raw = RawWaker::new(Arc::into_raw(spy).cast(), &VTABLE);
    // SAFETY: `raw` follows the invariants above: its pointer is an `Arc<Spy>` it owns.
    unsafe { Waker::from_raw(raw) }
}

static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, wake, wake_by_ref, drop_waker);

unsafe fn clone(data: *const ()) -> RawWaker {
    // SAFETY: `data` comes from `Arc::into_raw::<Spy>` and its waker still owns a count,
    // so the `Spy` is alive; `increment_strong_count` gives the clone its own count.
    let spy = unsafe {
        Arc::increment_strong_count(data.cast::<Spy>());
        &*data.cast::<Spy>()
    };
    if POLLING.with(Cell::get) == Arc::as_ptr(&spy.slot) {
        spy.slot.record_wait();
    }
    RawWaker::new(data, &VTABLE)
}

unsafe fn wake(data: *const ()) {
    // SAFETY: this waker's count is taken back here, and the waker is gone after.
    let spy = unsafe { Arc::from_raw(data.cast::<Spy>()) };
    spy.inner.wake_by_ref();
}

unsafe fn wake_by_ref(data: *const ()) {
    // SAFETY: the waker that owns a count is alive for this call.
    let spy = unsafe { &*data.cast::<Spy>() };
    spy.inner.wake_by_ref();
}

unsafe fn drop_waker(data: *const ()) {
    // SAFETY: this waker's count is given back; the waker is gone after.
    drop(unsafe { Arc::from_raw(data.cast::<Spy>()) });
}
