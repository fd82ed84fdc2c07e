//! A thread's state, one type for every platform: each platform's module in `sys` maps
//! what its kernel says onto it, and a report shows it in `proc(5)`'s letters.

use std::fmt;

/// What a leaked thread was doing when it was read, as its platform tells it.
///
/// Linux gives a letter in `/proc/self/task/TID/stat` (`proc(5)`); macOS a Mach run state,
/// which maps onto the same states; Windows does not tell
/// ([`NotAvailable`](Self::NotAvailable)). A thread blocked on a lock, a channel or a
/// sleep is [`Sleeping`](Self::Sleeping): where a leaked thread usually is.
///
/// Its `Display` is what a report shows: the letter, then the state in words.
///
/// ```
/// use checker::ThreadState;
///
/// assert_eq!(ThreadState::Sleeping.to_string(), "S (sleeping)");
/// assert_eq!(ThreadState::Sleeping.letter(), 'S');
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ThreadState {
    /// Running or ready to run (`R`; macOS `TH_STATE_RUNNING`).
    Running,
    /// Blocked until something happens, interruptibly (`S`; macOS `TH_STATE_WAITING`).
    Sleeping,
    /// Blocked uninterruptibly, usually on disk I/O (`D`; macOS
    /// `TH_STATE_UNINTERRUPTIBLE`).
    DiskWait,
    /// Stopped by a signal (`T`; macOS `TH_STATE_STOPPED`).
    Stopped,
    /// Stopped by a debugger (`t`).
    TracingStop,
    /// Exited, and not yet reaped (`Z`).
    Zombie,
    /// Exiting (`X`; macOS `TH_STATE_HALTED`).
    Dead,
    /// An idle kernel thread (`I`).
    Idle,
    /// Parked (`P`, some kernels).
    Parked,
    /// Waking (`W`, some kernels).
    Waking,
    /// Being killed (`K`, some kernels).
    Wakekill,
    /// Not known: the thread's description could not be read (see
    /// [`LeakedThread::unreadable_reason`](crate::LeakedThread::unreadable_reason)), or the
    /// kernel gave no state (`?`).
    Unknown,
    /// The platform does not tell a thread's state: Windows (`-`).
    NotAvailable,
    /// A letter none of the above stands for, as the kernel gave it.
    Other(char),
}

impl ThreadState {
    /// The state's letter, `proc(5)`'s on every platform: `'S'` for
    /// [`Sleeping`](Self::Sleeping), `'?'` for [`Unknown`](Self::Unknown), `'-'` for
    /// [`NotAvailable`](Self::NotAvailable).
    pub fn letter(self) -> char {
        match self {
            Self::Running => 'R',
            Self::Sleeping => 'S',
            Self::DiskWait => 'D',
            Self::Stopped => 'T',
            Self::TracingStop => 't',
            Self::Zombie => 'Z',
            Self::Dead => 'X',
            Self::Idle => 'I',
            Self::Parked => 'P',
            Self::Waking => 'W',
            Self::Wakekill => 'K',
            Self::Unknown => '?',
            Self::NotAvailable => '-',
            Self::Other(letter) => letter,
        }
    }

    /// The state in words, as `proc(5)` spells it out.
    pub fn description(self) -> &'static str {
        match self {
            Self::Running => "running",
            Self::Sleeping => "sleeping",
            Self::DiskWait => "waiting, uninterruptible",
            Self::Stopped => "stopped",
            Self::TracingStop => "stopped by a debugger",
            Self::Zombie => "zombie",
            Self::Dead => "dead",
            Self::Idle => "idle",
            Self::Parked => "parked",
            Self::Waking => "waking",
            Self::Wakekill => "wakekill",
            Self::Unknown => "not known: its description could not be read",
            Self::NotAvailable => "not available on this platform",
            Self::Other(_) => "unknown state",
        }
    }

    /// Whether the thread has exited and is listed for an instant more: not alive.
    pub(crate) fn has_exited(self) -> bool {
        matches!(self, Self::Zombie | Self::Dead)
    }
}

/// `S (sleeping)`: the letter, then the words.
impl fmt::Display for ThreadState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.letter(), self.description())
    }
}
