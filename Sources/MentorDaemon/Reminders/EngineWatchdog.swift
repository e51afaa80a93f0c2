import Foundation

/// The service manager's watchdog (`WatchdogSec=`), fed by the engine's own wake-ups instead of a
/// timer of its own, so a supervised daemon wakes no more often than an unsupervised one.
///
/// After each event the engine arms its timer and pings, telling systemd how long the next sign
/// of life may take (`WATCHDOG_USEC=`): until the engine's next wake plus `WatchdogSec=`. A wedged
/// engine or timer queue misses that wake and is restarted `WatchdogSec=` later, so a wedge costs
/// the card that was due at most `WatchdogSec=` (and the restart) of lateness. With nothing due
/// the engine still wakes every ``longestSleep``, so a wedge while idle is caught too.
struct EngineWatchdog: Sendable {
    /// `WatchdogSec=`: how late a wake may be before the service manager restarts the daemon.
    let grace: TimeInterval
    /// Sends a ping with the longest wait until the next one.
    let ping: @Sendable (Duration) -> Void

    /// The longest the engine sleeps while supervised: one wake-up an hour with nothing due.
    static let longestSleep: TimeInterval = 3600

    /// When the engine must wake, given the scheduler's `deadline`: no later than ``longestSleep``
    /// from `now`. Pings with a wait that covers that wake.
    func fed(deadline: Date?, now: Date) -> Date {
        let wake = min(deadline ?? .distantFuture, now.addingTimeInterval(Self.longestSleep))
        let wait = max(0, wake.timeIntervalSince(now)) + grace
        ping(.microseconds(Int64((wait * 1_000_000).rounded(.up))))
        return wake
    }
}
