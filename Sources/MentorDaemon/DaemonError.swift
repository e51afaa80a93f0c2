/// Why the daemon cannot start. Each case names the path or value at fault.
public enum DaemonError: Error, Sendable, Equatable {
    /// Another process already listens on the socket.
    case alreadyRunning(socket: String)
    /// The socket path exists and is not a socket; it was left alone.
    case socketPathOccupied(path: String)
    /// The socket's directory is not ours or is open to others.
    case unsafeSocketDirectory(path: String, reason: String)
    /// Creating or binding the socket failed.
    case cannotListen(socket: String, reason: String)
    /// The configuration file cannot be used.
    case invalidConfiguration(path: String, reason: String)
    /// The daemon is stopping: a request came too late for the reminder engine.
    case stopping
}

extension DaemonError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .alreadyRunning(let socket): "another mentord already listens on \(socket)"
        case .socketPathOccupied(let path): "\(path) exists and is not a socket; not touching it"
        case .unsafeSocketDirectory(let path, let reason): "refusing socket directory \(path): \(reason)"
        case .cannotListen(let socket, let reason): "cannot listen on \(socket): \(reason)"
        case .invalidConfiguration(let path, let reason): "\(path): \(reason)"
        case .stopping: "the daemon is stopping"
        }
    }
}
