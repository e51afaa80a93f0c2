#if canImport(Glibc)
import Glibc
#endif

/// Why a D-Bus operation failed.
public enum BusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No session bus to talk to (none running, or the connection was lost).
    case unavailable(reason: String)
    /// The peer did not answer `member` within the timeout.
    case timedOut(member: String, seconds: Double)
    /// The call failed; `name` is the D-Bus error name when the peer sent one.
    case failed(name: String, message: String)
    /// A reply did not have the expected shape.
    case unexpectedReply(String)

    public var description: String {
        switch self {
        case .unavailable(let reason): reason
        case .timedOut(let member, let seconds): "\(member) got no answer within \(seconds) s"
        case .failed(let name, let message): name.isEmpty ? message : "\(name): \(message)"
        case .unexpectedReply(let what): "unexpected reply: \(what)"
        }
    }

    /// The text of a (positive) errno value.
    static func describe(errno code: Int32) -> String {
        String(cString: strerror(code))
    }
}
