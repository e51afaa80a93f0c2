/// The envelope of a received call, decoded before its parameters.
///
/// Decoding happens in two passes over the same bytes: first this header (to find the method),
/// then the method's own parameter type. That keeps validation in the types and out of handlers.
public struct VarlinkCall: Sendable {
    /// Fully qualified method name.
    public var method: String
    /// The caller accepts several replies (`continues: true` on all but the last).
    public var more: Bool
    /// The caller wants no reply.
    public var oneway: Bool
    /// The caller asks to leave Varlink after the reply (not supported by mentord).
    public var upgrade: Bool
    /// The whole message, for decoding the parameters.
    public var message: [UInt8]

    /// The interface part of `method`: everything before the last dot.
    public var interface: String {
        guard let dot = method.lastIndex(of: ".") else { return "" }
        return String(method[..<dot])
    }
}
