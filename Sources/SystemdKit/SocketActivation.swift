import CSystemd

/// Sockets handed over by the service manager (`LISTEN_FDS`), as `systemd-socket-activate` or a
/// `.socket` unit pass them.
public enum SocketActivation {
    /// The listening Unix stream sockets passed to this process, and clears the `LISTEN_*`
    /// variables so children do not inherit them. Empty when the process was not socket-activated.
    /// - Throws: ``SocketActivationError`` when descriptors were passed but are not listening Unix
    ///   stream sockets (a misconfigured unit), so the daemon fails loudly instead of ignoring them.
    public static func listeningUnixSockets() throws(SocketActivationError) -> [Int32] {
        let count = sd_listen_fds(1)
        guard count > 0 else {
            if count < 0 { throw .invalidEnvironment(code: -count) }
            return []
        }
        let first = SD_LISTEN_FDS_START
        let descriptors = (0..<count).map { first + $0 }
        for descriptor in descriptors where sd_is_socket_unix(descriptor, SOCK_STREAM.rawValue.asInt32, 1, nil, 0) <= 0
        {
            throw .notAUnixStreamListener(descriptor: descriptor)
        }
        return descriptors
    }
}

/// Why passed sockets cannot be used.
public enum SocketActivationError: Error, Sendable, Equatable {
    /// `LISTEN_FDS`/`LISTEN_PID` are malformed; `code` is the errno.
    case invalidEnvironment(code: Int32)
    /// A passed descriptor is not a listening Unix stream socket.
    case notAUnixStreamListener(descriptor: Int32)
}

extension SocketActivationError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidEnvironment(let code): "LISTEN_FDS/LISTEN_PID are malformed (errno \(code))"
        case .notAUnixStreamListener(let descriptor):
            "descriptor \(descriptor) passed by the service manager is not a listening Unix stream socket "
                + "(check ListenStream= in mentord.socket)"
        }
    }
}

extension UInt32 {
    fileprivate var asInt32: Int32 { Int32(self) }
}
