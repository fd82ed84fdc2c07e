//! The platform side of thread listing: `/proc` on Linux, a clear refusal elsewhere.

#[cfg(target_os = "linux")]
pub(crate) use linux::*;
#[cfg(not(target_os = "linux"))]
pub(crate) use other::*;

#[cfg(target_os = "linux")]
mod linux {
    use std::fs;

    use crate::LeakedThread;

    /// The TIDs of this process's threads, in the kernel's order.
    pub(crate) fn list_tids() -> Result<Vec<u32>, String> {
        let dir = fs::read_dir("/proc/self/task")
            .map_err(|e| format!("cannot list /proc/self/task ({e}); is /proc mounted?"))?;
        Ok(dir
            .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
            .collect())
    }

    /// Name and state of one thread, or `None` if it has exited meanwhile.
    pub(crate) fn read_thread(tid: u32) -> Option<LeakedThread> {
        let stat = fs::read_to_string(format!("/proc/self/task/{tid}/stat")).ok()?;
        let (name, state) = parse_stat(&stat)?;
        Some(LeakedThread::new(tid, name.to_owned(), state))
    }

    /// The kernel function a thread sleeps in, if the kernel tells (it says "0" when the
    /// thread runs or when the answer is hidden from this user).
    pub(crate) fn read_wchan(tid: u32) -> Option<String> {
        let wchan = fs::read_to_string(format!("/proc/self/task/{tid}/wchan")).ok()?;
        let wchan = wchan.trim();
        (!wchan.is_empty() && wchan != "0").then(|| wchan.to_owned())
    }

    /// `stat` reads `TID (NAME) STATE ...`; the name may itself hold spaces and parentheses,
    /// so it runs from the first `(` to the last `)`.
    pub(crate) fn parse_stat(stat: &str) -> Option<(&str, char)> {
        let open = stat.find('(')?;
        let close = stat.rfind(')')?;
        let name = stat.get(open + 1..close)?;
        let state = stat.get(close + 1..)?.trim_start().chars().next()?;
        Some((name, state))
    }

    #[cfg(test)]
    mod tests {
        use super::parse_stat;

        #[test]
        fn a_name_with_spaces_and_parentheses_is_read_whole() {
            let stat = "4242 (odd ) name) S 1 2 3";
            assert_eq!(parse_stat(stat), Some(("odd ) name", 'S')));
        }

        #[test]
        fn a_truncated_stat_line_reads_as_gone() {
            assert_eq!(parse_stat("4242 (name"), None);
            assert_eq!(parse_stat("4242 (name)"), None);
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod other {
    use crate::LeakedThread;

    const WHY: &str = "thread checks are not supported on this platform: they read \
                       Linux's /proc/self/task; task checks work everywhere";

    pub(crate) fn list_tids() -> Result<Vec<u32>, String> {
        Err(WHY.to_owned())
    }

    pub(crate) fn read_thread(_tid: u32) -> Option<LeakedThread> {
        None
    }

    pub(crate) fn read_wchan(_tid: u32) -> Option<String> {
        None
    }
}
