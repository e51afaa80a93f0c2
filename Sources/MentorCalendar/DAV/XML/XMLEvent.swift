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

/// An element's expanded name (Namespaces in XML 1.0, section 2.1): its namespace and its local
/// name, whatever prefix the document used for it.
struct XMLName: Hashable, Sendable {
    /// The namespace name (a URI); empty for an element in no namespace.
    var namespace: String
    var local: String
}
