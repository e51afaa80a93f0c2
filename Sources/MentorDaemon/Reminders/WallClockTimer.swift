import Dispatch
import Foundation

/// The daemon's one reminder timer: a `DispatchSourceTimer` on a wall-clock deadline.
///
/// Wall-clock (CLOCK_REALTIME) because reminders are due at instants of the calendar: a monotonic
/// deadline would stop during suspend and drift from the clock after a step. After a resume the
/// passed deadline fires at once; after a clock step the daemon re-arms (see ``ClockChangeMonitor``).
/// Disarmed, it never wakes the process.
final class WallClockTimer: ReminderTimer, @unchecked Sendable {
    private let source: DispatchSourceTimer

    /// `handler` runs on `queue` each time the armed deadline passes.
    init(queue: DispatchQueue, handler: @escaping @Sendable () -> Void) {
        source = DispatchSource.makeTimerSource(flags: [], queue: queue)
        source.setEventHandler(handler: handler)
        source.schedule(wallDeadline: .distantFuture, repeating: .never, leeway: .nanoseconds(0))
        source.activate()
    }

    deinit {
        source.cancel()
    }

    /// Fires once at `deadline` (at once if it has passed); nil disarms.
    func arm(at deadline: Date?) {
        guard let deadline else {
            source.schedule(wallDeadline: .distantFuture, repeating: .never, leeway: .nanoseconds(0))
            return
        }
        let seconds = deadline.timeIntervalSince1970.rounded(.down)
        let nanoseconds = Int((deadline.timeIntervalSince1970 - seconds) * 1_000_000_000)
        let wall = DispatchWallTime(timespec: timespec(tv_sec: Int(seconds), tv_nsec: nanoseconds))
        source.schedule(wallDeadline: wall, repeating: .never, leeway: .nanoseconds(0))
    }
}
