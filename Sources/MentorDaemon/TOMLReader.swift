/// Reads the part of TOML 1.0 that mentord's configuration is written in, strictly.
///
/// What it reads: comments; `[name]` table headers; `key = value` lines with bare keys; basic
/// strings (`"..."`, with every TOML escape: `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`) and
/// literal strings (`'...'`) on one line; decimal integers (sign and `_` between digits
/// allowed) that fit in 64 bits; `true` and `false`; arrays of these, over several lines if need
/// be, with comments and a trailing comma. Line ends are LF or CRLF.
///
/// Everything else TOML has is refused by name, as unsupported (``TOMLSyntaxError/isUnsupported``):
/// floats, dates and times, hexadecimal, octal and binary integers, multi-line strings, inline
/// tables, arrays of tables, nested arrays, dotted and quoted keys. Malformed text is refused with
/// the line and column of the first character that cannot be read. A table or key defined twice
/// is an error, as TOML says. Written against Python's `tomllib` as the reference: what this
/// reads, `tomllib` reads to the same values, and what it refuses as malformed, `tomllib`
/// refuses too (`TOMLReaderTests`).
///
/// It has no recursion but one level of arrays, and does work linear in the length of the text.
public struct TOMLReader {
    private var scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    /// Reads `text`.
    public static func read(_ text: String) throws(TOMLSyntaxError) -> TOMLDocument {
        var reader = TOMLReader(scalars: Array(text.unicodeScalars))
        return try reader.document()
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    // MARK: - Statements

    private mutating func document() throws(TOMLSyntaxError) -> TOMLDocument {
        var document = TOMLDocument()
        // Every name defined so far: top-level keys and table names share one namespace.
        var topNames: Set<String> = []
        var tableKeys: Set<String> = []
        while true {
            skipWhitespace()
            guard let next = peek() else { break }
            switch next {
            case "#", "\n", "\r":
                try endOfLine()
            case "[":
                let position = here
                let name = try tableHeader()
                guard topNames.insert(name).inserted else {
                    throw TOMLSyntaxError(position: position, message: "'\(name)' is defined twice")
                }
                document.tables.append(TOMLDocument.Table(name: name, position: position))
                tableKeys = []
                try endOfLine()
            default:
                let entry = try keyValue()
                if document.tables.isEmpty {
                    guard topNames.insert(entry.key).inserted else {
                        throw TOMLSyntaxError(position: entry.position, message: "'\(entry.key)' is defined twice")
                    }
                    document.topLevel.append(entry)
                } else {
                    guard tableKeys.insert(entry.key).inserted else {
                        throw TOMLSyntaxError(position: entry.position, message: "'\(entry.key)' is defined twice")
                    }
                    document.tables[document.tables.count - 1].entries.append(entry)
                }
                try endOfLine()
            }
        }
        return document
    }

    /// `[name]`, up to and including the closing bracket.
    private mutating func tableHeader() throws(TOMLSyntaxError) -> String {
        let start = here
        advance()  // [
        if peek() == "[" {
            throw unsupported("arrays of tables ([[name]]) are not supported", at: start)
        }
        skipWhitespace()
        // A dotted name (`[calendar.work]`) is kept whole: the configuration reads it as one name.
        var name = try key(expected: "a table name")
        skipWhitespace()
        while peek() == "." {
            advance()
            skipWhitespace()
            name += "." + (try key(expected: "a table name after '.'"))
            skipWhitespace()
        }
        guard peek() == "]" else { throw unexpected("']' to close the table header") }
        advance()
        return name
    }

    /// `key = value`.
    private mutating func keyValue() throws(TOMLSyntaxError) -> TOMLDocument.Entry {
        let position = here
        let name = try key(expected: "a key")
        skipWhitespace()
        if peek() == "." { throw unsupported("dotted keys are not supported") }
        guard peek() == "=" else { throw unexpected("'=' after the key") }
        advance()
        skipWhitespace()
        return TOMLDocument.Entry(key: name, position: position, value: try value(nested: false))
    }

    /// A bare key: ASCII letters, digits, `_` and `-`.
    private mutating func key(expected: String) throws(TOMLSyntaxError) -> String {
        if peek() == "\"" || peek() == "'" { throw unsupported("quoted keys are not supported") }
        var name = ""
        while let next = peek(), Self.isBareKey(next) {
            name.unicodeScalars.append(next)
            advance()
        }
        guard !name.isEmpty else { throw unexpected(expected) }
        return name
    }

    /// After a statement: spaces, perhaps a comment, then the end of the line or of the text.
    private mutating func endOfLine() throws(TOMLSyntaxError) {
        skipWhitespace()
        if peek() == "#" { try comment() }
        guard let next = peek() else { return }
        if next == "\n" {
            advanceLine()
        } else if next == "\r" {
            try carriageReturn()
        } else {
            throw unexpected("the end of the line")
        }
    }

    /// `# ...` up to, not including, the end of the line.
    private mutating func comment() throws(TOMLSyntaxError) {
        advance()  // #
        while let next = peek(), next != "\n", next != "\r" {
            if Self.isControl(next) {
                throw TOMLSyntaxError(position: here, message: "control character \(Self.name(next)) in a comment")
            }
            advance()
        }
    }

    /// A CR, which TOML allows only as part of CRLF.
    private mutating func carriageReturn() throws(TOMLSyntaxError) {
        guard index + 1 < scalars.count, scalars[index + 1] == "\n" else {
            throw TOMLSyntaxError(position: here, message: "a carriage return (CR) not followed by a line feed (LF)")
        }
        advance()
        advanceLine()
    }

    // MARK: - Values

    private mutating func value(nested: Bool) throws(TOMLSyntaxError) -> TOMLDocument.Value {
        guard let next = peek() else { throw unexpected("a value") }
        switch next {
        case "\"":
            if lookingAt("\"\"\"") { throw unsupported("multi-line strings (\"\"\") are not supported") }
            return .string(try singleLineString(closedBy: "\""))
        case "'":
            if lookingAt("'''") { throw unsupported("multi-line strings (''') are not supported") }
            return .string(try singleLineString(closedBy: "'"))
        case "[":
            if nested { throw unsupported("arrays inside arrays are not supported") }
            return .array(try array())
        case "{":
            throw unsupported("inline tables ({...}) are not supported")
        case "+", "-", "0"..."9", "i", "n":
            return try number()
        case "t", "f":
            let position = here
            let word = self.word()
            switch word {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: throw TOMLSyntaxError(position: position, message: "'\(word)' is not a value")
            }
        default:
            throw unexpected("a value")
        }
    }

    /// A string on one line, from its opening quote: `"..."` (a basic string, escapes decoded) or
    /// `'...'` (a literal string, taken as written); control characters other than tab refused.
    private mutating func singleLineString(closedBy quote: Unicode.Scalar) throws(TOMLSyntaxError) -> String {
        let opening = here
        advance()
        var text = ""
        while true {
            guard let next = peek(), next != "\n", next != "\r" else {
                throw TOMLSyntaxError(position: opening, message: "a string not closed on its line")
            }
            if next == quote {
                advance()
                return text
            }
            if next == "\\", quote == "\"" {
                text.unicodeScalars.append(try escape())
                continue
            }
            if Self.isControl(next) {
                throw TOMLSyntaxError(position: here, message: "control character \(Self.name(next)) in a string")
            }
            text.unicodeScalars.append(next)
            advance()
        }
    }

    /// One escape of a basic string, from its backslash.
    private mutating func escape() throws(TOMLSyntaxError) -> Unicode.Scalar {
        let position = here
        advance()  // backslash
        guard let letter = peek(), letter != "\n", letter != "\r" else {
            throw TOMLSyntaxError(position: position, message: "a backslash at the end of a line in a string")
        }
        advance()
        switch letter {
        case "b": return "\u{8}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let count = letter == "u" ? 4 : 8
            var digits = ""
            for _ in 0..<count {
                guard let digit = peek(), digit.properties.isASCIIHexDigit else {
                    throw TOMLSyntaxError(
                        position: position, message: "\\\(letter) needs \(count) hexadecimal digits")
                }
                digits.unicodeScalars.append(digit)
                advance()
            }
            guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw TOMLSyntaxError(
                    position: position, message: "\\\(letter)\(digits) is not a Unicode scalar value")
            }
            return scalar
        default:
            throw TOMLSyntaxError(
                position: position, message: "'\\\(Self.printable(letter))' is not an escape TOML knows")
        }
    }

    /// `[a, b, ...]`, over as many lines as it takes, with comments and a trailing comma allowed.
    private mutating func array() throws(TOMLSyntaxError) -> [TOMLDocument.Value] {
        advance()  // [
        var items: [TOMLDocument.Value] = []
        while true {
            try skipBlank()
            if peek() == "]" {
                advance()
                return items
            }
            items.append(try value(nested: true))
            try skipBlank()
            if peek() == "," {
                advance()
            } else if peek() == "]" {
                advance()
                return items
            } else {
                throw unexpected("',' or ']' in the array")
            }
        }
    }

    /// A decimal integer; anything else that looks like a number is refused by name.
    private mutating func number() throws(TOMLSyntaxError) -> TOMLDocument.Value {
        let position = here
        let token = word()
        let unsigned = token.first == "+" || token.first == "-" ? String(token.dropFirst()) : token
        if ["inf", "nan"].contains(unsigned) {
            throw unsupported("floating-point numbers are not supported", at: position)
        }
        let digits = unsigned.filter { $0 != "_" }
        // A date starts with four digits and a dash; a time has a colon.
        if token.contains(":")
            || (unsigned.count >= 5 && unsigned.prefix(4).allSatisfy(\.isASCIIDigit)
                && unsigned.dropFirst(4).first == "-")
        {
            throw unsupported("dates and times are not supported", at: position)
        }
        if ["0x", "0o", "0b"].contains(unsigned.prefix(2)) {
            throw unsupported("hexadecimal, octal and binary integers are not supported", at: position)
        }
        if unsigned.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), digits.first?.isASCIIDigit == true {
            throw unsupported("floating-point numbers are not supported", at: position)
        }
        let bad = TOMLSyntaxError(position: position, message: "'\(token)' is not a number")
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { throw bad }
        // Underscores only between two digits.
        let characters = Array(unsigned)
        for (offset, character) in characters.enumerated() where character == "_" {
            guard offset > 0, offset < characters.count - 1, characters[offset - 1].isASCIIDigit,
                characters[offset + 1].isASCIIDigit
            else { throw bad }
        }
        if digits.count > 1 && digits.first == "0" {
            throw TOMLSyntaxError(position: position, message: "'\(token)' has a leading zero")
        }
        guard let value = Int64(token.first == "-" ? "-" + digits : digits) else {
            throw unsupported("'\(token)' does not fit in 64 bits", at: position)
        }
        return .integer(value)
    }

    /// The characters up to the next space, comma, bracket, comment or line end: one number or
    /// word, read whole so that `12abc` is refused as a whole.
    private mutating func word() -> String {
        var text = ""
        while let next = peek(), !" \t\n\r,]#".unicodeScalars.contains(next) {
            text.unicodeScalars.append(next)
            advance()
        }
        return text
    }

    // MARK: - Characters

    private var here: TOMLDocument.Position { TOMLDocument.Position(line: line, column: column) }

    private func peek() -> Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    private func lookingAt(_ text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        return index + wanted.count <= scalars.count && Array(scalars[index..<index + wanted.count]) == wanted
    }

    private mutating func advance() {
        index += 1
        column += 1
    }

    private mutating func advanceLine() {
        index += 1
        line += 1
        column = 1
    }

    private mutating func skipWhitespace() {
        while peek() == " " || peek() == "\t" { advance() }
    }

    /// Inside an array: spaces, line ends and comments.
    private mutating func skipBlank() throws(TOMLSyntaxError) {
        while let next = peek() {
            switch next {
            case " ", "\t": advance()
            case "\n": advanceLine()
            case "\r": try carriageReturn()
            case "#": try comment()
            default: return
            }
        }
    }

    private func unexpected(_ expected: String) -> TOMLSyntaxError {
        let found = peek().map { Self.isVisible($0) ? "'\($0)'" : Self.name($0) } ?? "the end of the file"
        return TOMLSyntaxError(position: here, message: "expected \(expected), found \(found)")
    }

    private func unsupported(_ what: String, at position: TOMLDocument.Position? = nil) -> TOMLSyntaxError {
        TOMLSyntaxError(
            position: position ?? here, message: "\(what) in mentord's configuration", isUnsupported: true)
    }

    private static func isBareKey(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }

    /// What TOML forbids in strings and comments: the C0 controls but tab, and DEL.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }

    private static func name(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Whether an error message can show `scalar` as it is; control, format and line-end
    /// characters are shown by their code point instead.
    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        return switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator: false
        default: true
        }
    }

    /// A character for an error message: itself, or its code point when it is not visible.
    private static func printable(_ scalar: Unicode.Scalar) -> String {
        isVisible(scalar) ? String(scalar) : name(scalar)
    }
}

extension Character {
    /// `0` to `9` only (`isNumber` also takes other scripts' digits and fractions).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
