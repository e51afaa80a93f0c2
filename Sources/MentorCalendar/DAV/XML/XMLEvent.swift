/// One step through an XML document, as ``XMLEventReader`` reports it.
enum XMLEvent: Hashable, Sendable {
    /// A start tag, or an empty-element tag (which is followed at once by its ``end(_:)``).
    case start(XMLName)
    /// Character data: references replaced, CDATA sections unwrapped, line ends read as `\n`. The
    /// text of one element may come in several pieces (around a comment, a CDATA section).
    case text(String)
    /// An end tag.
    case end(XMLName)
}
