import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

/// Colour for the marks mentorctl writes after things that need attention or are closed: on a
/// terminal only, never when piped, and never with `NO_COLOR` set (no-color.org) or `TERM=dumb`.
///
/// The marks are painted as the last step of ``print(_:separator:terminator:)``, after the text
/// was escaped (``TerminalText``), so no stored text can bring escape sequences of its own, and
/// tables are measured before there is any colour to measure. A title that contains a mark
/// itself is painted too: colour at most, never a control sequence.
enum Colour {
    /// Whether standard output gets colour.
    static let enabled: Bool = {
        let noColor = SocketPath.environmentVariable("NO_COLOR").map { !$0.isEmpty } ?? false
        return isatty(1) == 1 && !noColor && SocketPath.environmentVariable("TERM") != "dumb" && !ErrorReport.requested
    }()

    /// Each mark and its SGR colour: late in yellow, overdue in red, done in green, cancelled dim.
    static let marks: [(mark: String, colour: String)] = [
        ("[late]", "33"), ("(overdue)", "31"), ("[done]", "32"), ("[cancelled]", "2"),
    ]

    /// `text` with every mark coloured, when colour is on.
    static func paint(_ text: String) -> String {
        guard enabled, text.contains(where: { $0 == "[" || $0 == "(" }) else { return text }
        var painted = text
        for (mark, colour) in marks {
            painted = painted.replacing(mark, with: "\u{1B}[\(colour)m\(mark)\u{1B}[0m")
        }
        return painted
    }
}
