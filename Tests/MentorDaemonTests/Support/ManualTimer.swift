import Foundation
import NIOConcurrencyHelpers

@testable import MentorDaemon

/// The engine's timer in a test: it remembers the deadline it was armed for and fires when the test
/// moves the clock past it, or at once when armed for an instant that has passed, as a wall-clock
/// timer does.
final class ManualTimer: ReminderTimer, Sendable {
    private let clock: ManualClock
    private let state = NIOLockedValueBox<(deadline: Date?, fired: (@Sendable () -> Void)?)>((nil, nil))

    init(clock: ManualClock) {
        self.clock = clock
    }

    /// The factory the daemon makes its timer with.
    var factory: ReminderTimerFactory {
        { [self] fired in
            state.withLockedValue { $0.fired = fired }
            return self
        }
    }

    func arm(at deadline: Date?) {
        state.withLockedValue { $0.deadline = deadline }
        if let deadline, deadline <= clock.now() { fire() }
    }

    /// The deadline armed now, if any.
    var deadline: Date? { state.withLockedValue { $0.deadline } }

    /// Fires as the real timer would when its deadline passes.
    func fire() {
        let fired = state.withLockedValue { state in
            defer { state.deadline = nil }
            return state.fired
        }
        fired?()
    }
}
