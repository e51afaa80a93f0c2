/// Text from the daemon made safe for a terminal.
///
/// Stored text is not all typed by this user through this client: an older mentord accepted
/// control characters, and calendar import brings titles from elsewhere. A title holding
/// `ESC ]0;…BEL` would retitle the terminal, `ESC [2J` clear it, U+202E make a line read backwards.
/// So everything `mentorctl` prints for people goes through ``escaped(_:)``.
enum TerminalText {
    /// `text` with every character a terminal would act on written as `\u` and four hex digits (`\u001B`): the C0 controls
    /// but line feed and tab, DEL, the C1 controls, and the bidirectional embedding, override and
    /// isolate controls. A CR before an LF is dropped (a line written on Windows); a lone CR is
    /// escaped, since it would let the rest of a line overwrite its start.
    ///
    /// JSON output passes through unharmed: the JSON encoder already escapes C0 controls, and
    /// such an escape inside a JSON string means the same character it replaces.
    static func escaped(_ text: String) -> String {
        guard mayNeedEscape(text) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { continue }
            guard needsEscape(scalar) else {
                result.append(scalar)
                continue
            }
            let digits = String(scalar.value, radix: 16, uppercase: true)
            result.append(
                contentsOf: "\\u\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)".unicodeScalars)
        }
        return String(result)
    }

    /// Whether `text` may hold a character ``escaped(_:)`` writes out, from its UTF-8 bytes
    /// alone: a byte below 0x20 other than tab and line feed, DEL, or the lead byte of a C1
    /// control (0xC2) or of the bidirectional controls (0xE2). Almost all text has none, and a
    /// byte scan is far cheaper than decoding scalars (a 70 MB history).
    private static func mayNeedEscape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.contains { byte in
                (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || byte == 0xC2 || byte == 0xE2
            }
        } && text.unicodeScalars.contains(where: needsEscape)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

/// The standard library's `print`, with the text escaped by ``TerminalText/escaped(_:)``, then its
/// marks coloured on a terminal (``Colour``).
///
/// Declared at module level, it shadows `Swift.print` in every file of mentorctl, so no command
/// can forget to escape; output that must stay byte for byte (an export) calls `Swift.print`.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Swift.print(
        Colour.paint(TerminalText.escaped(items.map { "\($0)" }.joined(separator: separator))), terminator: terminator)
}
