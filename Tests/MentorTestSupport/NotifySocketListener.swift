import Foundation

/// A `NOTIFY_SOCKET` for tests: a datagram socket that collects what `sd_notify` sends.
///
/// It reads continuously on its own thread, as a service manager does: a sender must never block
/// on a full socket buffer because the test is not looking.
public final class NotifySocketListener: @unchecked Sendable {
    /// The socket's path, for `NOTIFY_SOCKET`.
    public let path: String
    private let descriptor: Int32
    private let inbox = Inbox()

    /// What the reading thread shares with the tests, under one lock.
    private final class Inbox: @unchecked Sendable {
        let condition = NSCondition()
        var messages: [String] = []
        var stopped = false
        let done = DispatchSemaphore(value: 0)
    }

    public init(path: String) throws {
        self.path = path
        // Bound before it is stored: once every stored property is set, a throw still runs deinit,
        // which would wait for a thread never started and close the descriptor twice.
        descriptor = try Self.bound(to: path)
        // The thread captures the inbox and descriptor, not self, so deinit can stop it.
        Thread.detachNewThread { [inbox, descriptor] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while inbox.condition.withLock({ !inbox.stopped }) {
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 50) > 0 else { continue }
                let count = recv(descriptor, &buffer, buffer.count, 0)
                guard count > 0 else { continue }
                inbox.condition.withLock {
                    inbox.messages.append(String(decoding: buffer[..<count], as: UTF8.self))
                    inbox.condition.broadcast()
                }
            }
            inbox.done.signal()
        }
    }

    private static func bound(to path: String) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8)
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(descriptor)
            throw POSIXError(.init(rawValue: code) ?? .EIO)
        }
        return descriptor
    }

    deinit {
        inbox.condition.withLock { inbox.stopped = true }
        inbox.done.wait()
        close(descriptor)
        unlink(path)
    }

    /// Waits until `count` received messages have a line equal to `line`, up to `timeout` seconds;
    /// returns every message received so far either way.
    @discardableResult
    public func waitFor(_ line: String, count: Int = 1, timeout: TimeInterval = 30) -> (found: Bool, messages: [String])
    {
        let deadline = Date().addingTimeInterval(timeout)
        inbox.condition.lock()
        defer { inbox.condition.unlock() }
        while true {
            let matching = inbox.messages.filter { $0.split(separator: "\n").contains(Substring(line)) }
            if matching.count >= count { return (true, inbox.messages) }
            if !inbox.condition.wait(until: deadline) { return (false, inbox.messages) }
        }
    }
}
