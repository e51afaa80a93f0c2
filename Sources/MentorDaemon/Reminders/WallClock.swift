import Foundation
import MentorCore

/// Where the daemon reads the current time; tests substitute a manual clock.
public protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system's real-time clock, rounded to the milliseconds the store keeps.
public struct SystemWallClock: WallClock {
    public init() {}

    public func now() -> Date {
        Date().roundedToMilliseconds
    }
}
