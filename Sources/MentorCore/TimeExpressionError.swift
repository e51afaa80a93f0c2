/// Why a time could not be read.
public enum TimeExpressionError: Error, Sendable, Equatable {
    /// Not a form ``TimeExpression`` knows; carries the text as given.
    case invalidSyntax(String)
    /// A form ``TimeExpression`` recognised, written in a way it will not guess at (`10/12/2026`,
    /// `13pm`, a date where a time is needed); `advice` says why and what to type instead.
    case unreadable(String, advice: String)
    /// Well formed, but no such date: 2026-02-30, 2027-02-29.
    case impossibleDate(String)
    /// A local time that the zone skips (clocks jumped forward over it).
    case nonexistentLocalTime(String, zone: String)

    /// The text as it was given.
    public var text: String {
        switch self {
        case .invalidSyntax(let text), .unreadable(let text, _), .impossibleDate(let text),
            .nonexistentLocalTime(let text, _):
            text
        }
    }
}
