import Foundation

/// The engine's one timer, armed for the earliest deadline: ``WallClockTimer`` in the daemon, a
/// timer the test fires by hand in tests, so rules about time are tested without waiting for it.
protocol ReminderTimer: Sendable {
    /// Fires once at `deadline` (at once if it has passed); nil disarms.
    func arm(at deadline: Date?)
}

/// Makes the engine's timer; the closure runs each time the armed deadline passes.
typealias ReminderTimerFactory = @Sendable (_ fired: @escaping @Sendable () -> Void) -> any ReminderTimer
