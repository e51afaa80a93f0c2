#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An error declared in a Varlink interface, sent as `{"error": "<interface>.<Name>", "parameters": {...}}`.
///
/// Conforming enums use Swift's synthesised `Codable`, whose shape for a case
/// `noSuchMeeting(id: 7)` is `{"noSuchMeeting": {"id": 7}}`: the case name is the error name with a
/// lowercase first letter and the labels are its parameters. Every case must therefore label all
/// of its values. This turns both directions into one `Codable` round trip.
public protocol VarlinkError: Error, Codable, Sendable {
    /// The interface declaring these errors, e.g. `io.mentord`.
    static var interface: String { get }
}

extension VarlinkError {
    /// Qualified error name, e.g. `io.mentord.NoSuchMeeting`.
    public var name: String { Self.interface + "." + caseAndParameters.caseName.uppercasingFirst }

    /// The error's parameters as a JSON object.
    public var parameters: JSONValue { caseAndParameters.parameters }

    private var caseAndParameters: (caseName: String, parameters: JSONValue) {
        guard let data = try? JSONEncoder().encode(self),
            case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: data),
            let (caseName, parameters) = members.first
        else { return ("unknown", .object([:])) }
        return (caseName, parameters)
    }

    /// The error called `name` with `parameters`, if this interface declares it.
    public init?(name: String, parameters: JSONValue?) {
        let prefix = Self.interface + "."
        guard name.hasPrefix(prefix) else { return nil }
        let caseName = String(name.dropFirst(prefix.count)).lowercasingFirst
        let wrapped = JSONValue.object([caseName: parameters ?? .object([:])])
        guard let data = try? JSONEncoder().encode(wrapped),
            let value = try? JSONDecoder().decode(Self.self, from: data)
        else { return nil }
        self = value
    }
}

extension String {
    var uppercasingFirst: String { prefix(1).uppercased() + dropFirst() }
    var lowercasingFirst: String { prefix(1).lowercased() + dropFirst() }
}
