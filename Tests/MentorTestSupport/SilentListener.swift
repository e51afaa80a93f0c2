import Foundation

/// A TCP listener on 127.0.0.1 that never accepts: the kernel completes each connection into its
/// backlog, so a client connects and sends its request, and no answer ever comes. The server a
/// test needs to show that nothing waits on a calendar that hangs, without a process of its own.
public final class SilentListener: Sendable {
    /// The port the kernel picked.
    public let port: Int
    private let descriptor: Int32

    /// `http://127.0.0.1:PORT/`.
    public var url: String { "http://127.0.0.1:\(port)/" }

    public init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        var address = LoopbackPort.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 16) == 0
                    && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard listening else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits until a client has connected, at most `timeout` seconds; whether one has. The
    /// connection stays in the backlog: a listening socket is readable while one waits there.
    public func waitForConnection(timeout: TimeInterval) -> Bool {
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&waiting, 1, Int32(timeout * 1000)) == 1
    }

    deinit { close(descriptor) }
}
