/// Text folded at word boundaries to a terminal's width, for `mentorctl watch`: a pure function of
/// the text and the width, measured in the columns a terminal draws (``DisplayWidth``).
///
/// A folded line continues under its own text: a line's leading spaces, and a `- ` list marker
/// after them, are repeated as spaces on each continuation, so a card's questions stay readable as
/// a list. A word wider than the room left is never cut: it stands alone on its line and the
/// terminal folds it as it would anyway, so a URL or a path is still one piece to copy.
public enum WordWrap {
    /// `text` with each of its lines folded to at most `width` columns where it has spaces; lines
    /// that fit, and all lines when `width` is below 1, are kept as they are.
    public static func wrap(_ text: String, width: Int) -> String {
        guard width > 0 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { fold(String($0), width: width) }
            .joined(separator: "\n")
    }

    /// One line folded; spaces between two words on the same line are kept as they were (a card's
    /// header has two after the time), the spaces a line is broken at are dropped.
    private static func fold(_ line: String, width: Int) -> String {
        guard DisplayWidth.of(line) > width else { return line }
        let indentation = line.prefix { $0 == " " }
        var body = line.dropFirst(indentation.count)
        let marker = body.hasPrefix("- ") ? "- " : ""
        body = body.dropFirst(marker.count)
        let hanging = String(repeating: " ", count: indentation.count + marker.count)
        var lines: [String] = []
        var current = String(indentation) + marker
        var currentWidth = DisplayWidth.of(current)
        var holdsWord = false
        for (spaces, word) in words(of: body) {
            let wordWidth = DisplayWidth.of(String(word))
            if holdsWord && currentWidth + spaces.count + wordWidth > width {
                lines.append(current)
                current = hanging
                currentWidth = hanging.count
            } else if holdsWord {
                current += spaces
                currentWidth += spaces.count
            }
            current += word
            currentWidth += wordWidth
            holdsWord = true
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// The words of `text`, each with the run of spaces before it.
    private static func words(of text: Substring) -> [(spaces: String, word: Substring)] {
        var result: [(spaces: String, word: Substring)] = []
        var rest = text
        while !rest.isEmpty {
            let spaces = rest.prefix { $0 == " " }
            rest = rest.dropFirst(spaces.count)
            let word = rest.prefix { $0 != " " }
            rest = rest.dropFirst(word.count)
            if !word.isEmpty { result.append((String(spaces), word)) }
        }
        return result
    }
}
