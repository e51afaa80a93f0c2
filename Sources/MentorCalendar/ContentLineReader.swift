/// Splits iCalendar bytes into unfolded content lines (RFC 5545 §3.1).
///
/// Lines end in CRLF or a bare LF; a line that starts with a space or a tab continues the previous one.
/// Unfolding works on bytes and decodes afterwards, so a UTF-8 character split across a fold comes
/// back whole. A byte order mark is skipped, empty lines are ignored.
enum ContentLineReader {
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let semicolon = UInt8(ascii: ";")
    private static let colon = UInt8(ascii: ":")
    private static let comma = UInt8(ascii: ",")
    private static let equals = UInt8(ascii: "=")
    private static let quote = UInt8(ascii: "\"")

    /// Calls `body` with each content line, in order.
    static func read(
        _ bytes: [UInt8], limits: CalendarLimits, _ body: (ContentLine) throws(CalendarError) -> Void
    ) throws(CalendarError) {
        guard bytes.count <= limits.bytes else { throw .tooLarge(limit: "bytes", maximum: limits.bytes, line: 1) }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var physicalLine = 0
        var logical: [UInt8] = []
        var logicalLine = 0
        while index < bytes.count {
            let end = bytes[index...].firstIndex(of: lineFeed) ?? bytes.count
            var lineEnd = end
            if lineEnd > index && bytes[lineEnd - 1] == carriageReturn { lineEnd -= 1 }
            physicalLine += 1
            if index < lineEnd && (bytes[index] == space || bytes[index] == tab) && !logical.isEmpty {
                logical.append(contentsOf: bytes[(index + 1)..<lineEnd])
            } else {
                if !logical.isEmpty { try body(parse(logical, line: logicalLine)) }
                logical.removeAll(keepingCapacity: true)
                logical.append(contentsOf: bytes[index..<lineEnd])
                logicalLine = physicalLine
            }
            guard logical.count <= limits.lineBytes else {
                throw .tooLarge(limit: "bytes in one line", maximum: limits.lineBytes, line: logicalLine)
            }
            index = end + 1
        }
        if !logical.isEmpty { try body(parse(logical, line: logicalLine)) }
    }

    /// One unfolded line: `NAME *(";" PARAM) ":" VALUE`.
    static func parse(_ bytes: [UInt8], line: Int) throws(CalendarError) -> ContentLine {
        var index = 0
        while index < bytes.count && bytes[index] != semicolon && bytes[index] != colon {
            guard isNameByte(bytes[index]) else {
                throw .syntax(line: line, reason: "'\(text(bytes[0...index]))' is not a property name")
            }
            index += 1
        }
        let name = text(bytes[0..<index]).uppercased()
        guard !name.isEmpty else { throw .syntax(line: line, reason: "no property name before '\(text(bytes))'") }
        var parameters: [ContentLine.Parameter] = []
        while index < bytes.count && bytes[index] == semicolon {
            index += 1
            let nameStart = index
            while index < bytes.count && isNameByte(bytes[index]) { index += 1 }
            let parameterName = text(bytes[nameStart..<index]).uppercased()
            guard !parameterName.isEmpty, index < bytes.count, bytes[index] == equals else {
                throw .syntax(line: line, reason: "\(name): a parameter without '=' ('\(text(bytes[nameStart...]))')")
            }
            var values: [String] = []
            repeat {
                index += 1
                if index < bytes.count && bytes[index] == quote {
                    guard let close = bytes[(index + 1)...].firstIndex(of: quote) else {
                        throw .syntax(line: line, reason: "\(name): \(parameterName) opens a quote it never closes")
                    }
                    values.append(text(bytes[(index + 1)..<close]))
                    index = close + 1
                } else {
                    let start = index
                    while index < bytes.count && ![comma, semicolon, colon].contains(bytes[index]) { index += 1 }
                    values.append(text(bytes[start..<index]))
                }
            } while index < bytes.count && bytes[index] == comma
            parameters.append(.init(name: parameterName, values: values))
        }
        guard index < bytes.count, bytes[index] == colon else {
            throw .syntax(line: line, reason: "\(name): no ':' before the value")
        }
        return ContentLine(name: name, parameters: parameters, value: text(bytes[(index + 1)...]), line: line)
    }

    /// Letters, digits and `-` (RFC 5545 `iana-token` and `x-name`); `_` too, which some producers use.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    private static func text(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
