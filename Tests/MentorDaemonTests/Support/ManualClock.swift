import Foundation
import MentorDaemon
import NIOConcurrencyHelpers

/// A clock the test moves by hand: steps forward and back, as NTP or a resume would.
final class ManualClock: WallClock {
    private let current: NIOLockedValueBox<Date>

    init(_ start: Date) {
        current = NIOLockedValueBox(start)
    }

    func now() -> Date { current.withLockedValue { $0 } }

    func set(_ date: Date) { current.withLockedValue { $0 = date } }
}
