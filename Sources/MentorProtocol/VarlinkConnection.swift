#if canImport(Glibc)
import Glibc
#endif

/// A blocking Varlink client over a Unix stream socket: what `mentorctl` and the tests use.
///
/// One call at a time, as the protocol requires on a connection. Not thread-safe: use one
/// connection per thread.
public final class VarlinkConnection {
    /// The socket path this connection was opened on.
    public let path: String
    private let descriptor: Int32
    /// Replies can be large (a year of `upcoming`); the daemon's own ceiling for messages is 64 MiB.
    private var framer = VarlinkFramer(maximumMessageSize: 64 << 20)

    /// Connects to the socket at `path`. With `timeout`, the connect and every later send and
    /// receive give up after that many seconds without progress (see ``setTimeout(seconds:)``):
    /// a daemon whose listen queue is full would otherwise hold even the connect.
    public init(path: String, timeout: Double? = nil) throws(VarlinkConnectionError) {
        self.path = path
        // Connected before it is stored: a class whose stored properties are all set runs its
        // deinit even when the initializer then throws, which would close the descriptor a second
        // time, by then perhaps another file's.
        descriptor = try Self.connected(to: path, timeout: timeout)
    }

    private static func connected(to path: String, timeout: Double?) throws(VarlinkConnectionError) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw .pathTooLong(path) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        let socketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let descriptor = socket(AF_UNIX, socketType, 0)
        guard descriptor >= 0 else { throw .cannotConnect(path: path, code: errno) }
        if let timeout { limit(descriptor, seconds: timeout) }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if result != 0 {
            let code = errno
            close(descriptor)
            throw .cannotConnect(path: path, code: code)
        }
        return descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Calls `method` and decodes its single reply.
    /// - Throws: ``VarlinkConnectionError/remote(_:)`` when the service answers with an error.
    public func call<M: VarlinkMethod>(_ method: M.Type, _ parameters: M.Parameters) throws(VarlinkConnectionError)
        -> M.Reply
    {
        let reply = try callRaw(method: M.name, parameters: parameters)
        do {
            return try VarlinkCodec.decodeReplyParameters(M.Reply.self, from: reply)
        } catch {
            throw .malformedReply("reply of \(M.name) does not match the interface: \(error.message)")
        }
    }

    /// Calls a streaming `method` with `more: true` and hands each reply to `body` until the service
    /// sends a reply without `continues`, or `body` returns false.
    public func stream<M: VarlinkMethod>(
        _ method: M.Type, _ parameters: M.Parameters, _ body: (M.Reply, _ raw: [UInt8]) throws -> Bool
    ) throws {
        do {
            try sendCall(VarlinkCodec.encodeCall(method: M.name, parameters: parameters, more: true))
        } catch let error as VarlinkConnectionError {
            throw error
        } catch {
            throw VarlinkConnectionError.malformedReply("cannot encode the call: \(error)")
        }
        while true {
            let message = try receiveReply()
            let reply: M.Reply
            do {
                reply = try VarlinkCodec.decodeReplyParameters(M.Reply.self, from: message)
            } catch {
                throw VarlinkConnectionError.malformedReply("reply of \(M.name) does not match the interface")
            }
            guard try body(reply, message) else { return }
            guard (try? VarlinkCodec.decodeReplyHeader(message).continues) == true else { return }
        }
    }

    /// Calls `method` and returns the reply message as received (error replies are thrown).
    public func callRaw(method: String, parameters: some Encodable, more: Bool = false) throws(VarlinkConnectionError)
        -> [UInt8]
    {
        let message: [UInt8]
        do {
            message = try VarlinkCodec.encodeCall(method: method, parameters: parameters, more: more)
        } catch {
            throw .malformedReply("cannot encode the call: \(error)")
        }
        try sendCall(message)
        return try receiveReply()
    }

    /// Sends a call. A service that refuses the connection (at its connection limit) answers at
    /// once and hangs up, possibly before the call goes out: the send then fails, and the answer
    /// already received says why, which "the daemon closed the connection" would not.
    private func sendCall(_ message: [UInt8]) throws(VarlinkConnectionError) {
        do {
            try send(message)
        } catch {
            guard error == .closedByPeer else { throw error }
            do {
                _ = try receiveReply()
            } catch .remote(let refusal) {
                throw .remote(refusal)
            } catch {}
            throw .closedByPeer
        }
    }

    /// Sends bytes as they are (a complete message ends in NUL).
    public func send(_ bytes: [UInt8]) throws(VarlinkConnectionError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { raw in
                Glibc.send(descriptor, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw errno == EPIPE || errno == ECONNRESET ? .closedByPeer : .ioFailed(code: errno)
            }
            offset += written
        }
    }

    /// The next reply; error replies are thrown as ``VarlinkConnectionError/remote(_:)``.
    public func receiveReply() throws(VarlinkConnectionError) -> [UInt8] {
        let message = try receiveMessage()
        let header: (error: String?, continues: Bool)
        do {
            header = try VarlinkCodec.decodeReplyHeader(message)
        } catch {
            throw .malformedReply("\(error)")
        }
        if let name = header.error {
            let parameters = (try? VarlinkCodec.decodeReplyParameters(JSONValue.self, from: message)) ?? .object([:])
            throw .remote(VarlinkRemoteError(name: name, parameters: parameters))
        }
        return message
    }

    /// The next message as received, without its NUL.
    public func receiveMessage() throws(VarlinkConnectionError) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            do {
                if let message = try framer.nextMessage() { return message }
            } catch {
                throw .malformedReply("reply larger than \(framer.maximumMessageSize) bytes")
            }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw errno == ECONNRESET ? .closedByPeer : .ioFailed(code: errno)
            }
            if count == 0 { throw .closedByPeer }
            framer.append(contentsOf: chunk[..<count])
        }
    }

    /// Makes every later send and receive fail (ioFailed, EAGAIN) after `seconds` without progress,
    /// for callers that must never hang on a stuck daemon (`mentorctl prompt`).
    public func setTimeout(seconds: Double) {
        Self.limit(descriptor, seconds: seconds)
    }

    private static func limit(_ descriptor: Int32, seconds: Double) {
        var limit = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            setsockopt(descriptor, SOL_SOCKET, option, &limit, socklen_t(MemoryLayout<timeval>.size))
        }
    }

    /// Stops sending: the service sees end of file after what was sent.
    public func shutdownWriting() {
        shutdown(descriptor, Int32(SHUT_WR))
    }
}

/// Why a call over a ``VarlinkConnection`` failed.
public enum VarlinkConnectionError: Error, Sendable, Hashable {
    /// The socket path does not fit in a `sockaddr_un`.
    case pathTooLong(String)
    /// Nothing accepted the connection; `code` is the errno (ENOENT: no socket, ECONNREFUSED: stale).
    case cannotConnect(path: String, code: Int32)
    /// Reading or writing failed with this errno.
    case ioFailed(code: Int32)
    /// The service closed the connection before replying.
    case closedByPeer
    /// The reply is not a Varlink reply of the expected shape.
    case malformedReply(String)
    /// The service replied with an error.
    case remote(VarlinkRemoteError)

    /// Whether the daemon is simply not running at that path (so starting it would help).
    public var isNobodyListening: Bool {
        if case .cannotConnect(_, let code) = self { return code == ENOENT || code == ECONNREFUSED }
        return false
    }

    /// One line for a person.
    public var message: String {
        switch self {
        case .pathTooLong(let path): "socket path too long: \(path)"
        case .cannotConnect(let path, let code): "cannot connect to \(path): \(String(cString: strerror(code)))"
        case .ioFailed(let code): "connection failed: \(String(cString: strerror(code)))"
        case .closedByPeer: "the daemon closed the connection"
        case .malformedReply(let detail): "unexpected reply from the daemon: \(detail)"
        case .remote(let error): error.message
        }
    }
}
