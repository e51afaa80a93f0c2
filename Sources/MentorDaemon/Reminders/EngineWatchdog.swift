import Foundation

/// The service manager's watchdog (`WatchdogSec=`), fed by the engine's own wake-ups instead of a
/// timer of its own, so a supervised daemon wakes no more often than an unsupervised one.
///
/// After each event the engine arms its timer and asks for a ping that tells systemd how long the
/// next sign of life may take (`WATCHDOG_USEC=`): until the engine's next wake plus
/// `WatchdogSec=`. A wedged engine or timer queue misses that wake and is restarted about
/// `WatchdogSec=` later (at most one and a half times it), so a wedge costs the card that was due
/// that much lateness, plus the restart. With nothing due the engine still wakes every
/// ``longestSleep``, so a wedge while idle is caught too.
///
/// A ping goes out only when the manager's deadline would move by more than half of
/// `WatchdogSec=`: a burst of events (a thousand adds) sends a few, not one each. `sd_notify`
/// blocks when the manager reads slowly, and the engine must not wait on it for every event.
struct EngineWatchdog: Sendable {
    /// `WatchdogSec=`: how late a wake may be before the service manager restarts the daemon.
    let grace: TimeInterval
    /// Sends a ping with the longest wait until the next one.
    let ping: @Sendable (Duration) -> Void
    /// The manager's deadline as the last ping set it.
    private var announced: Date?

    /// The longest the engine sleeps while supervised: one wake-up an hour with nothing due.
    static let longestSleep: TimeInterval = 3600

    init(grace: TimeInterval, ping: @escaping @Sendable (Duration) -> Void) {
        self.grace = grace
        self.ping = ping
    }

    /// Makes the next ``fed(deadline:now:)`` ping whatever the last one said: after `READY=1`,
    /// which a manager may count from.
    mutating func forget() {
        announced = nil
    }

    /// When the engine must wake, given the scheduler's `deadline`: no later than ``longestSleep``
    /// from `now`. Pings with a wait that covers that wake, unless the last ping's is close enough.
    mutating func fed(deadline: Date?, now: Date) -> Date {
        let wake = min(deadline ?? .distantFuture, now.addingTimeInterval(Self.longestSleep))
        let due = max(wake, now).addingTimeInterval(grace)
        if let announced, abs(announced.timeIntervalSince(due)) <= grace / 2 { return wake }
        announced = due
        ping(.microseconds(Int64((due.timeIntervalSince(now) * 1_000_000).rounded(.up))))
        return wake
    }
}
