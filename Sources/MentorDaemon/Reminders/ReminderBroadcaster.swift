import MentorProtocol
import NIOConcurrencyHelpers

/// Hands each delivered reminder to every subscriber (`mentorctl watch`, any Varlink client).
///
/// Each subscriber has its own bounded buffer: one that reads too slowly loses its oldest cards,
/// and never holds up delivery to the others or the engine.
final class ReminderBroadcaster: Sendable {
    /// Cards kept for a subscriber that is not reading.
    static let bufferLimit = 64

    private let subscribers = NIOLockedValueBox<[Int: AsyncStream<Wire.Reminder>.Continuation]>([:])
    private let nextID = NIOLockedValueBox(0)

    /// A new subscription; it ends when the returned stream is dropped or cancelled.
    func subscribe() -> AsyncStream<Wire.Reminder> {
        let id = nextID.withLockedValue { value in
            value += 1
            return value
        }
        let (stream, continuation) = AsyncStream<Wire.Reminder>.makeStream(
            bufferingPolicy: .bufferingNewest(Self.bufferLimit))
        continuation.onTermination = { [subscribers] _ in
            _ = subscribers.withLockedValue { $0.removeValue(forKey: id) }
        }
        subscribers.withLockedValue { $0[id] = continuation }
        return stream
    }

    /// Sends `reminder` to every subscriber; returns how many there were.
    @discardableResult
    func publish(_ reminder: Wire.Reminder) -> Int {
        let current = subscribers.withLockedValue { Array($0.values) }
        for continuation in current { continuation.yield(reminder) }
        return current.count
    }

    /// Subscribers connected now.
    var count: Int { subscribers.withLockedValue { $0.count } }
}
