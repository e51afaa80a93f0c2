/// A document's bytes made ready for ``XMLEventReader``: decoded to UTF-8 from the encoding its
/// byte order mark or XML declaration names, checked to hold only characters XML allows, and with
/// its line ends read as `\n` (XML 1.0, sections 2.2, 2.11 and 4.3.3).
enum XMLInput {
    /// The encodings read. WebDAV servers send UTF-8; the others cost little and keep an odd server
    /// readable. libxml2 reads more (through iconv), which no CalDAV server has been seen to need.
    private static let latin1Names: Set<String> = ["iso-8859-1", "iso_8859-1", "latin1", "iso-latin-1", "l1"]
    private static let utf8Names: Set<String> = ["utf-8", "utf8"]
    private static let asciiNames: Set<String> = ["us-ascii", "ascii"]
    private static let utf16Names: Set<String> = ["utf-16", "utf16"]

    /// The document as UTF-8 without a byte order mark, `\r\n` and lone `\r` read as `\n`.
    static func normalized(_ bytes: [UInt8]) throws(XMLSyntaxError) -> [UInt8] {
        let utf8 = try decoded(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var line = 1
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            switch byte {
            case 0x0D:
                output.append(0x0A)
                line += 1
                if index + 1 < utf8.endIndex && utf8[index + 1] == 0x0A { index += 1 }
            case 0x0A:
                output.append(0x0A)
                line += 1
            case 0x09, 0x20..<0x80:
                output.append(byte)
            case ..<0x20:
                throw XMLSyntaxError(line: line, reason: "control character U+\(hex(byte)) is not allowed in XML")
            default:
                // U+FFFE and U+FFFF, EF BF BE and EF BF BF, are the only non-characters of valid UTF-8
                // that XML refuses (surrogates cannot be encoded in it).
                if byte == 0xEF && index + 2 < utf8.endIndex && utf8[index + 1] == 0xBF && utf8[index + 2] >= 0xBE {
                    throw XMLSyntaxError(
                        line: line, reason: "U+FFF\(utf8[index + 2] == 0xBE ? "E" : "F") is not allowed in XML")
                }
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    /// The document in valid UTF-8, its byte order mark dropped.
    private static func decoded(_ bytes: [UInt8]) throws(XMLSyntaxError) -> ArraySlice<UInt8> {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            let text = try utf16(bytes.dropFirst(2), bigEndian: bytes[0] == 0xFE)
            if let declared = declaredEncoding(text), !utf16Names.contains(declared) {
                throw XMLSyntaxError(line: 1, reason: "a UTF-16 byte order mark, but the encoding \(declared)")
            }
            return text
        }
        let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasMark ? bytes.dropFirst(3) : bytes[...]
        let declared = declaredEncoding(body)
        if let declared, !hasMark, latin1Names.contains(declared) {
            // Every byte is the code point of the same number: one or two bytes of UTF-8.
            var utf8: [UInt8] = []
            utf8.reserveCapacity(body.count + body.count / 8)
            for byte in body {
                if byte < 0x80 {
                    utf8.append(byte)
                } else {
                    utf8 += [0xC0 | byte >> 6, 0x80 | byte & 0x3F]
                }
            }
            return utf8[...]
        }
        if let declared,
            !utf8Names.contains(declared) && !asciiNames.contains(declared)
                && !(hasMark && utf16Names.contains(declared))
        {
            throw XMLSyntaxError(line: 1, reason: "the encoding \(declared) is not supported (UTF-8 is)")
        }
        if let declared, asciiNames.contains(declared), let byte = body.first(where: { $0 >= 0x80 }) {
            let line = 1 + body.prefix { $0 != byte }.count { $0 == 0x0A }
            throw XMLSyntaxError(line: line, reason: "a byte above 127 in a document declared \(declared)")
        }
        guard String(validating: body, as: UTF8.self) != nil else {
            throw XMLSyntaxError(line: line(ofFirstInvalidUTF8In: body), reason: "the bytes are not valid UTF-8")
        }
        return body
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(XMLSyntaxError) -> ArraySlice<UInt8> {
        guard bytes.count % 2 == 0 else { throw XMLSyntaxError(line: 1, reason: "UTF-16 with an odd number of bytes") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw XMLSyntaxError(line: 1, reason: "the bytes are not valid UTF-16")
        }
        return ArraySlice(text.utf8)
    }

    /// Whether `bytes` start with an XML declaration: `<?xml` and a space or `?`.
    /// `<?xml-stylesheet ...?>` is a processing instruction, not the declaration.
    static func startsWithDeclaration(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.count > 5 && bytes.starts(with: Array("<?xml".utf8))
            && [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "?")].contains(bytes[bytes.startIndex + 5])
    }

    /// The `encoding` of the XML declaration `body` starts with, lowercased; nil when there is none.
    /// The declaration is ASCII in every encoding read here, so it is read before decoding.
    private static func declaredEncoding(_ body: ArraySlice<UInt8>) -> String? {
        guard startsWithDeclaration(body), let end = body.firstRange(of: Array("?>".utf8)) else {
            return nil
        }
        let declaration = String(decoding: body[body.startIndex..<end.lowerBound], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop {
            $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r"
        }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.lowercased()
    }

    private static func line(ofFirstInvalidUTF8In bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var lastLineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            guard String(validating: bytes[lastLineStart..<index], as: UTF8.self) != nil else { return line }
            line += 1
            lastLineStart = index + 1
        }
        return line
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
