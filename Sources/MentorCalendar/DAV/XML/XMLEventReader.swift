/// Reads an XML 1.0 document with namespaces as a stream of ``XMLEvent``s: elements by namespace
/// and local name, and the text between them. Written for WebDAV replies, so that mentord needs no
/// XML library (Foundation's `XMLParser` brought libxml2 and a second ICU, 0.6 MB resident, for
/// this one use, and crashed on `<?x?>`).
///
/// The whole of well-formedness is checked, with the namespace rules, as expat checks it
/// (XMLEventReaderDifferentialTests holds the two together). What is left out is what a WebDAV
/// reply never carries: a document type declaration is refused, so no entity but the five
/// predefined ones exists; attributes are checked but not reported; the encodings read are UTF-8,
/// US-ASCII, UTF-16 with a byte order mark and ISO 8859-1. Every step is linear in the input:
/// attribute names and prefixes are looked up in sets, never by scanning what came before.
/// After an error the reader is done: `next()` returns nil.
struct XMLEventReader {
    /// Elements open at once, as libxml2 allows without its "huge" option.
    static let maximumDepth = 256

    /// The document as ``XMLInput/normalized(_:)`` gives it.
    private let bytes: [UInt8]
    private var index = 0
    private var place = Place.prolog
    /// Open elements: the name as written, to match the end tag, and as expanded.
    private var open: [(written: ArraySlice<UInt8>, name: XMLName)] = []
    private var scope = XMLNamespaceScope()
    /// The end an empty-element tag owes, reported by the next call.
    private var owedEnd = false

    private enum Place {
        case prolog, content, epilog, end
    }

    init(_ document: [UInt8]) throws(XMLSyntaxError) {
        bytes = try XMLInput.normalized(document)
        if XMLInput.startsWithDeclaration(bytes[...]) { try readDeclaration() }
    }

    /// The next event; nil after the root element's end and the comments and processing
    /// instructions after it.
    mutating func next() throws(XMLSyntaxError) -> XMLEvent? {
        do {
            return try advance()
        } catch {
            place = .end
            owedEnd = false
            throw error
        }
    }

    private mutating func advance() throws(XMLSyntaxError) -> XMLEvent? {
        if owedEnd {
            owedEnd = false
            return .end(close())
        }
        while true {
            switch place {
            case .end:
                return nil
            case .prolog, .epilog:
                skipSpaces()
                if index == bytes.count {
                    if place == .prolog { throw error("the document has no element") }
                    place = .end
                    return nil
                }
                guard bytes[index] == UInt8(ascii: "<") else {
                    throw error(place == .prolog ? "text before the root element" : "text after the root element")
                }
                if try skipMarkup() { continue }
                if starts(with: "<!DOCTYPE") {
                    var refusal = error("document type declarations are not supported")
                    refusal.isDocumentType = true
                    throw refusal
                }
                if starts(with: "<!") || starts(with: "</") { throw error("markup that is not an element") }
                if place == .epilog { throw error("a second root element") }
                return try startTag()
            case .content:
                if index == bytes.count { throw error("the document ends inside <\(written(open.last!.written))>") }
                if bytes[index] != UInt8(ascii: "<") { return .text(try characterData()) }
                if starts(with: "</") { return .end(try endTag()) }
                if starts(with: "<![CDATA[") { return .text(try cdata()) }
                if try skipMarkup() { continue }
                if starts(with: "<!") { throw error("markup that is not an element, a comment or CDATA") }
                return try startTag()
            }
        }
    }

    // MARK: - Elements

    private mutating func startTag() throws(XMLSyntaxError) -> XMLEvent {
        if open.count == Self.maximumDepth { throw error("elements nested deeper than \(Self.maximumDepth)") }
        index += 1
        let written = try name()
        var attributes: [(name: ArraySlice<UInt8>, value: String)] = []
        var names: Set<ArraySlice<UInt8>> = []
        while true {
            let spaced = skipSpaces()
            if index == bytes.count { throw error("the document ends inside <\(self.written(written))>") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                break
            }
            if starts(with: "/>") {
                index += 2
                owedEnd = true
                break
            }
            guard spaced else { throw error("expected a space, > or /> after <\(self.written(written))") }
            let attribute = try name()
            skipSpaces()
            try expect("=", "after the attribute \(self.written(attribute))")
            skipSpaces()
            let value = try attributeValue()
            if !names.insert(attribute).inserted {
                throw error("the attribute \(self.written(attribute)) appears twice")
            }
            attributes.append((attribute, value))
        }
        scope.enter()
        let qualified = try attributes.map { attribute throws(XMLSyntaxError) in try split(attribute.name) }
        for (attribute, (prefix, local)) in zip(attributes, qualified) {
            let declared: Substring? =
                prefix == "xmlns" ? local : (prefix.isEmpty && local == "xmlns" ? "" : nil)
            if let declared, let refusal = scope.declare(prefix: declared, namespace: attribute.value) {
                throw error(refusal)
            }
        }
        var expanded: Set<XMLName> = []
        for (attribute, (prefix, local)) in zip(attributes, qualified) {
            if prefix.isEmpty || prefix == "xmlns" { continue }
            // Unprefixed attributes are in no namespace, so only prefixed ones can collide.
            if !expanded.insert(XMLName(namespace: try namespace(of: prefix), local: String(local))).inserted {
                throw error("the attribute \(self.written(attribute.name)) repeats another by its namespace")
            }
        }
        let (prefix, local) = try split(written)
        if prefix == "xmlns" { throw error("an element cannot have the prefix xmlns") }
        let element = XMLName(namespace: try namespace(of: prefix), local: String(local))
        open.append((written, element))
        place = .content
        return .start(element)
    }

    private mutating func endTag() throws(XMLSyntaxError) -> XMLName {
        index += 2
        let written = try name()
        skipSpaces()
        try expect(">", "to end </\(self.written(written))")
        guard let innermost = open.last, innermost.written.elementsEqual(written) else {
            throw error("</\(self.written(written))> ends <\(self.written(open.last!.written))>")
        }
        return close()
    }

    /// Leaves the innermost element.
    private mutating func close() -> XMLName {
        let closed = open.removeLast()
        scope.leave()
        if open.isEmpty { place = .epilog }
        return closed.name
    }

    /// A qualified name as prefix and local part; the prefix is empty when there is none.
    private func split(_ written: ArraySlice<UInt8>) throws(XMLSyntaxError) -> (prefix: Substring, local: Substring) {
        let text = Substring(self.written(written))
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return ("", text)
        case 2
        where !parts[0].isEmpty && !parts[1].isEmpty && XMLCharacters.isNameStart(parts[1].unicodeScalars.first!):
            return (parts[0], parts[1])
        default: throw error("\(text) is not a qualified name")
        }
    }

    private func namespace(of prefix: Substring) throws(XMLSyntaxError) -> String {
        guard let namespace = scope.namespace(of: prefix) else { throw error("the prefix \(prefix) is not declared") }
        return namespace
    }

    // MARK: - Text

    private mutating func characterData() throws(XMLSyntaxError) -> String {
        var text: [UInt8] = []
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "<"):
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "&"):
                try reference(into: &text)
            case UInt8(ascii: "]") where starts(with: "]]>"):
                throw error("]]> outside a CDATA section")
            case let byte:
                text.append(byte)
                index += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func cdata() throws(XMLSyntaxError) -> String {
        index += 9
        let start = index
        guard let end = find("]]>") else { throw error("a CDATA section without its end") }
        index = end + 3
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func attributeValue() throws(XMLSyntaxError) -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            throw error("an attribute value without quotes")
        }
        let quote = bytes[index]
        index += 1
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("an attribute value without its closing quote") }
            let byte = bytes[index]
            if byte == quote {
                index += 1
                return String(decoding: value, as: UTF8.self)
            }
            switch byte {
            case UInt8(ascii: "<"):
                throw error("< inside an attribute value")
            case UInt8(ascii: "&"):
                try reference(into: &value)
            case 0x09, 0x0A:
                // Attribute-value normalization (section 3.3.3): a literal tab or line end is a space.
                value.append(0x20)
                index += 1
            default:
                value.append(byte)
                index += 1
            }
        }
    }

    /// A quoted value of the XML declaration, as written: its grammar has no references.
    private mutating func literalValue() throws(XMLSyntaxError) -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            throw error("a value without quotes in the XML declaration")
        }
        let quote = bytes[index]
        let start = index + 1
        guard let end = bytes[start...].firstIndex(of: quote) else { throw error("a malformed XML declaration") }
        index = end + 1
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Reads `&name;`, `&#N;` or `&#xN;` and appends what it stands for.
    private mutating func reference(into text: inout [UInt8]) throws(XMLSyntaxError) {
        index += 1
        if index < bytes.count && bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < bytes.count && bytes[index] == UInt8(ascii: "x")
            if hex { index += 1 }
            let digits = bytes[index...].prefix { hex ? $0.isHexDigit : $0.isDecimalDigit }
            index += digits.count
            let significant = digits.drop { $0 == UInt8(ascii: "0") }
            guard !digits.isEmpty, significant.count <= 8, index < bytes.count, bytes[index] == UInt8(ascii: ";"),
                let value = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10),
                let scalar = Unicode.Scalar(value), XMLCharacters.isAllowed(scalar)
            else { throw error("a character reference that is not one of an allowed character") }
            index += 1
            text.append(contentsOf: String(Character(scalar)).utf8)
            return
        }
        let entity = try name()
        try expect(";", "after &\(written(entity))")
        switch written(entity) {
        case "lt": text.append(UInt8(ascii: "<"))
        case "gt": text.append(UInt8(ascii: ">"))
        case "amp": text.append(UInt8(ascii: "&"))
        case "apos": text.append(UInt8(ascii: "'"))
        case "quot": text.append(UInt8(ascii: "\""))
        default: throw error("the entity &\(written(entity)); is not defined")
        }
    }

    // MARK: - Comments, processing instructions, the declaration

    /// Skips a comment or a processing instruction at `index`; false when there is neither.
    private mutating func skipMarkup() throws(XMLSyntaxError) -> Bool {
        if starts(with: "<!--") {
            index += 4
            guard let dashes = find("--") else { throw error("a comment without its end") }
            guard dashes + 2 < bytes.count else { throw error("a comment without its end") }
            guard bytes[dashes + 2] == UInt8(ascii: ">") else { throw error("-- inside a comment") }
            index = dashes + 3
            return true
        }
        if starts(with: "<?") {
            index += 2
            let target = try name()
            if written(target).lowercased() == "xml" {
                throw error("an XML declaration anywhere but at the start")
            }
            // Namespaces in XML 1.0, section 7: no colon in a processing instruction's target.
            if target.contains(UInt8(ascii: ":")) {
                throw error("a colon in the processing instruction <?\(written(target))")
            }
            guard starts(with: "?>") || skipSpaces() else { throw error("expected a space after <?\(written(target))") }
            guard let end = find("?>") else { throw error("a processing instruction without its end") }
            index = end + 2
            return true
        }
        return false
    }

    /// Reads `<?xml version="1.0" encoding="..." standalone="..."?>`, whose encoding
    /// ``XMLInput`` has already used.
    private mutating func readDeclaration() throws(XMLSyntaxError) {
        index += 5
        var seen: [String] = []
        let order = ["version", "encoding", "standalone"]
        while true {
            let spaced = skipSpaces()
            if starts(with: "?>") {
                index += 2
                break
            }
            guard spaced, index < bytes.count else { throw error("a malformed XML declaration") }
            let key = written(try name())
            skipSpaces()
            try expect("=", "in the XML declaration")
            skipSpaces()
            let value = try literalValue()
            guard let position = order.firstIndex(of: key), seen.allSatisfy({ order.firstIndex(of: $0)! < position }),
                position == 0 || seen.first == "version"
            else { throw error("the XML declaration has \(key) out of place") }
            let valid: Bool =
                switch key {
                // XML 1.0 says 1.x; expat and libxml2 take any version, and so does this.
                case "version":
                    !value.isEmpty && value.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || "._-".contains($0) }
                case "encoding":
                    value.first?.isASCIILetter == true
                        && value.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || "._-".contains($0) }
                default: value == "yes" || value == "no"
                }
            guard valid else { throw error("the XML declaration's \(key) cannot be \(value)") }
            seen.append(key)
        }
        guard seen.first == "version" else { throw error("the XML declaration has no version") }
    }

    // MARK: - Scanning

    /// A name (section 2.3) at `index`, which it moves past.
    private mutating func name() throws(XMLSyntaxError) -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count {
            let (scalar, length) = XMLCharacters.scalar(in: bytes, at: index)
            let fits = index == start ? XMLCharacters.isNameStart(scalar) : XMLCharacters.isName(scalar)
            if !fits { break }
            index += length
        }
        if index == start { throw error("expected a name") }
        return bytes[start..<index]
    }

    /// Moves past spaces, tabs and line ends; whether there were any.
    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count && isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    private mutating func expect(_ character: Unicode.Scalar, _ context: String) throws(XMLSyntaxError) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else {
            throw error("expected \(character) \(context)")
        }
        index += 1
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { bytes[index..<index + count].elementsEqual($0) }
    }

    /// Where `text` next occurs from `index`.
    private func find(_ text: StaticString) -> Int? {
        text.withUTF8Buffer { needle in bytes[index...].firstRange(of: needle)?.lowerBound }
    }

    private func written(_ name: ArraySlice<UInt8>) -> String {
        String(decoding: name, as: UTF8.self)
    }

    /// The error at `index`, with its line.
    private func error(_ reason: String) -> XMLSyntaxError {
        XMLSyntaxError(line: 1 + bytes[..<min(index, bytes.count)].count { $0 == 0x0A }, reason: reason)
    }
}

extension UInt8 {
    fileprivate var isDecimalDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    fileprivate var isHexDigit: Bool {
        isDecimalDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}

extension Character {
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
