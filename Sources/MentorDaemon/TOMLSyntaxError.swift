/// Why ``TOMLReader`` refused a document: where, and what it found there.
public struct TOMLSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem starts.
    public var position: TOMLDocument.Position
    /// What is wrong, for a person: the character found, or the feature that is not supported.
    public var message: String
    /// True when the text may well be valid TOML, but uses a part of TOML that mentord's
    /// configuration has no use for (and so does not read): a float, a date, an inline table, ...
    public var isUnsupported: Bool

    public init(position: TOMLDocument.Position, message: String, isUnsupported: Bool = false) {
        self.position = position
        self.message = message
        self.isUnsupported = isUnsupported
    }

    public var description: String { "\(position): \(message)" }
}
