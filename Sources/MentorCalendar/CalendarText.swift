/// TEXT values (RFC 5545 §3.3.11): `\\`, `\;`, `\,` and `\n` or `\N` escapes, and comma-separated lists.
public enum CalendarText {
    /// `value` with its escapes undone. A backslash before any other character is kept with it, as
    /// Outlook's stray `\:` shows it was meant literally.
    public static func unescape(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var result = ""
        var escaped = false
        for character in value {
            if escaped {
                switch character {
                case "n", "N": result.append("\n")
                case "\\", ";", ",": result.append(character)
                default:
                    result.append("\\")
                    result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }

    /// The items of a comma-separated list of TEXT values (CATEGORIES), each unescaped; an escaped comma
    /// stays inside its item.
    public static func list(_ value: String) -> [String] {
        var items: [String] = []
        var current = ""
        var escaped = false
        for character in value {
            if escaped {
                current.append("\\")
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," {
                items.append(unescape(current))
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        items.append(unescape(current))
        return items
    }
}
