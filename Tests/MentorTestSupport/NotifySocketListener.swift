import Foundation

/// A `NOTIFY_SOCKET` for tests: a datagram socket that collects what `sd_notify` sends.
public final class NotifySocketListener: @unchecked Sendable {
    /// The socket's path, for `NOTIFY_SOCKET`.
    public let path: String
    private let descriptor: Int32
    private var received: [String] = []

    public init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
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
        guard descriptor >= 0, result == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// Waits until `count` received messages have a line equal to `line`, up to `timeout` seconds;
    /// returns every message received so far either way.
    @discardableResult
    public func waitFor(_ line: String, count: Int = 1, timeout: TimeInterval = 10) -> (found: Bool, messages: [String])
    {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let matching = received.filter { $0.split(separator: "\n").contains(Substring(line)) }
            if matching.count >= count { return (true, received) }
            let remaining = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            if remaining == 0 { return (false, received) }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, remaining) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 { received.append(String(decoding: buffer[..<count], as: UTF8.self)) }
        }
    }
}
