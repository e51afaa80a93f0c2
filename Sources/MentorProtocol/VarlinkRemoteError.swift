#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An error reply received from a Varlink service: its qualified name and parameters.
public struct VarlinkRemoteError: Error, Sendable, Hashable {
    public var name: String
    public var parameters: JSONValue

    public init(name: String, parameters: JSONValue) {
        self.name = name
        self.parameters = parameters
    }

    /// The error as one of the known interfaces' errors, if it is one.
    public var known: (any VarlinkError)? {
        MentordError(name: name, parameters: parameters) ?? VarlinkServiceError(name: name, parameters: parameters)
    }

    /// One line for a person, with the instants a known error carries written by `when`
    /// (``MentordError/message(showingTimes:)``).
    public func message(showingTimes when: (String) -> String) -> String {
        (known as? MentordError)?.message(showingTimes: when) ?? message
    }

    /// One line for a person.
    public var message: String {
        switch known {
        case let error as MentordError: return error.message
        case let error as VarlinkServiceError: return error.message
        default:
            let detail = (try? JSONEncoder().encode(parameters)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return "\(name) \(detail)"
        }
    }
}
