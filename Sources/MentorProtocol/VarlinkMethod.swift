/// A Varlink method: its fully qualified wire name and the types of its parameters and reply.
///
/// Every method of every interface the daemon serves is one type conforming to this, so the
/// client and the daemon's dispatch table cannot disagree on names or shapes.
public protocol VarlinkMethod: Sendable {
    /// What the call's `parameters` decode to.
    associatedtype Parameters: Codable & Sendable
    /// What a reply's `parameters` decode to.
    associatedtype Reply: Codable & Sendable
    /// Fully qualified name, e.g. `io.mentord.AddMeeting`.
    static var name: String { get }
}

/// Parameters or reply of a method that has none: `{}` on the wire.
public struct NoParameters: Codable, Sendable, Hashable {
    public init() {}

    /// Accepts only an object (its members are ignored), so `"parameters": []` is refused as it is
    /// for every other method.
    public init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: AnyKey.self)
    }

    public func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: AnyKey.self)
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
