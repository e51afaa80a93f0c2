#if canImport(Glibc)
import Glibc
#endif

/// The waits between attempts to reach a daemon that went away: 0.1 s, doubling up to 5 s.
///
/// Short at first, since a restart (`systemctl --user restart mentord`, an upgrade) takes well
/// under a second, and capped so that a daemon down for hours costs one connect every 5 s, and
/// one that comes back is seen within 5 s.
struct RetryDelay {
    /// The first wait, in seconds.
    static let first = 0.1
    /// The longest wait, in seconds.
    static let ceiling = 5.0

    /// The next wait, in seconds.
    private(set) var seconds = first

    /// Sleeps for the next wait, and makes the one after it longer.
    mutating func sleep() {
        var wait = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1_000_000_000))
        var left = timespec()
        // A signal that does not end the process (SIGWINCH on a resize) only cuts the wait short.
        while nanosleep(&wait, &left) != 0 && errno == EINTR { wait = left }
        seconds = min(seconds * 2, Self.ceiling)
    }

    /// Starts again from the first wait, once the daemon answered.
    mutating func reset() {
        seconds = Self.first
    }
}
