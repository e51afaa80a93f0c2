/// Why ``XMLEventReader`` cannot go on: where the document stops being well-formed XML, or uses
/// what the reader leaves out (a document type declaration, an encoding other than UTF-8, US-ASCII,
/// UTF-16 and ISO 8859-1).
struct XMLSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line the problem is on, from 1.
    var line: Int
    var reason: String
    /// The document declares a document type, which WebDAV never does: the way to entity
    /// expansion bombs, told apart so that callers can say so.
    var isDocumentType = false

    var description: String { "line \(line): \(reason)" }
}
