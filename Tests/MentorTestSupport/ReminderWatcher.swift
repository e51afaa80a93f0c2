import Foundation
import MentorProtocol

/// A `Subscribe` client on its own thread, collecting every reminder card it is sent.
public final class ReminderWatcher: @unchecked Sendable {
    private let condition = NSCondition()
    private var cards: [Wire.Reminder] = []
    private var ready = false
    private var ended = false

    /// Subscribes on `socket` and returns once the daemon said `ready`.
    public init(socket: String) throws {
        // Used by the watching thread only, from here on.
        nonisolated(unsafe) let connection = try VarlinkConnection(path: socket)
        Thread.detachNewThread { [self] in
            try? connection.stream(Subscribe.self, NoParameters()) { reply, _ in
                condition.withLock {
                    if reply.ready == true { ready = true }
                    if let reminder = reply.reminder { cards.append(reminder) }
                    condition.broadcast()
                }
                return true
            }
            condition.withLock {
                ended = true
                condition.broadcast()
            }
        }
        condition.lock()
        defer { condition.unlock() }
        while !ready && !ended {
            guard condition.wait(until: Date().addingTimeInterval(10)) else { break }
        }
    }

    /// Waits until at least `count` cards arrived (or `timeout` seconds passed); returns them all.
    public func waitFor(count: Int, timeout: TimeInterval = 20) -> [Wire.Reminder] {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while cards.count < count && !ended {
            guard condition.wait(until: deadline) else { break }
        }
        return cards
    }

    /// Waits until `condition` holds for the cards received (or `timeout` seconds passed); returns them.
    public func waitUntil(timeout: TimeInterval = 20, _ condition: ([Wire.Reminder]) -> Bool) -> [Wire.Reminder] {
        let deadline = Date().addingTimeInterval(timeout)
        self.condition.lock()
        defer { self.condition.unlock() }
        while !condition(cards) && !ended {
            guard self.condition.wait(until: deadline) else { break }
        }
        return cards
    }

    /// Every card received so far.
    public var received: [Wire.Reminder] { condition.withLock { cards } }
}
