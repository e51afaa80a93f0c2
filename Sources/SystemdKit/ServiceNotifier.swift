import CSystemd

#if canImport(Glibc)
import Glibc
#endif

/// Tells the service manager about the daemon's state through `sd_notify`.
///
/// Without `NOTIFY_SOCKET` (run by hand, or by `mentorctl`'s autostart without a listener) every
/// call is a no-op that returns false, so callers never need to know how they were started.
public struct ServiceNotifier: Sendable {
    public init() {}

    /// Sends `state` (newline-separated `KEY=VALUE` lines); true when a manager received it.
    @discardableResult
    public func notify(_ state: String) -> Bool {
        sd_notify(0, state) > 0
    }

    /// Start-up is complete: the socket listens. Also carries a status line.
    @discardableResult
    public func ready(status: String) -> Bool {
        notify("READY=1\nSTATUS=\(status)")
    }

    /// A one-line status shown by `systemctl --user status`.
    @discardableResult
    public func status(_ text: String) -> Bool {
        notify("STATUS=\(text)")
    }

    /// A configuration reload has begun; send ``ready(status:)`` when it is done.
    @discardableResult
    public func reloading() -> Bool {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        // systemd 253+ matches the reload to this timestamp; older managers ignore it.
        return notify("RELOADING=1\nMONOTONIC_USEC=\(Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000)")
    }

    /// The service manager's `WatchdogSec=` for this process, or nil when no watchdog is set up.
    public func watchdogTimeout() -> Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(clamping: microseconds))
    }

    /// Tells the service manager the daemon is alive, and that the next sign of life may take up to
    /// `timeout` (`WATCHDOG_USEC=`, systemd 236 and later): a daemon that knows when it next wakes
    /// need not wake only to ping.
    @discardableResult
    public func watchdog(nextWithin timeout: Duration) -> Bool {
        let microseconds = timeout.components.seconds * 1_000_000 + timeout.components.attoseconds / 1_000_000_000_000
        return notify("WATCHDOG=1\nWATCHDOG_USEC=\(max(1, microseconds))")
    }

    /// Shutdown has begun.
    @discardableResult
    public func stopping() -> Bool {
        notify("STOPPING=1")
    }
}
