import MentorProtocol

/// A commitment as people write it on one line: `[owner:] what [by DAY]`.
///
/// The owner is `me:`, `partner:`, `both:`, or the partner's name (or a word or the start of it:
/// `Sam:` for Sam Lee), which means the partner; without one it is yours. The day after a final
/// `by` is `YYYY-MM-DD`, or any day `daysByName` can name (`by fri`, `by tomorrow`).
struct CommitmentLine: Equatable {
    var text: String
    var owner: String?
    var dueOn: String?

    /// Why a line was not read.
    enum Problem: Error, Equatable {
        /// Nothing is left to commit to once the owner and the date are taken off.
        case empty
        /// The words after `by` name no day.
        case unreadableDay(String)
    }

    /// Reads `line`. `partner` is the partner's name; `dayNamed` turns words such as "fri" into
    /// `YYYY-MM-DD` (nil when it cannot); without it only `YYYY-MM-DD` is read.
    static func read(_ line: String, partner: String, dayNamed: (String) -> String? = { _ in nil }) throws(Problem)
        -> CommitmentLine
    {
        var rest = line.trimmed
        var owner: String?
        if let colon = rest.firstIndex(of: ":") {
            let who = String(rest[..<colon]).trimmed.lowercased()
            let known = ["me": "me", "i": "me", "partner": "partner", "both": "both", "we": "both"]
            if let named = known[who] {
                owner = named
            } else if !who.isEmpty, names(partner, startWith: who) {
                owner = "partner"
            }
            if owner != nil { rest = String(rest[rest.index(after: colon)...]).trimmed }
        }
        var due: String?
        let words = rest.split(separator: " ", omittingEmptySubsequences: true)
        if let by = words.lastIndex(where: { $0.lowercased() == "by" }), by > 0, by < words.count - 1 {
            let day = words[(by + 1)...].joined(separator: " ")
            if isDay(day) {
                due = day
            } else if let named = dayNamed(day) {
                due = named
            } else if looksLikeADay(day) {
                // "by next friday", "by 12/10": meant as a day that cannot be read. "by email" is text.
                throw .unreadableDay(day)
            }
            if due != nil { rest = words[..<by].joined(separator: " ") }
        }
        guard !rest.isEmpty else { throw .empty }
        return CommitmentLine(text: rest, owner: owner, dueOn: due)
    }

    /// As stored: owner, text and due day for the wire.
    var wire: Wire.Commitment {
        Wire.Commitment(text: text, owner: owner, dueOn: dueOn)
    }

    /// How it was read, for the echo: `-> partner, due 2026-12-09: Introduce me to Kim`.
    var echo: String {
        "-> \(owner ?? "me")" + (dueOn.map { ", due \($0)" } ?? "") + ": \(text)"
    }

    /// Whether `who` is the partner's name, a word of it, or the start of either (two letters at
    /// least, so "a:" is not taken for "Aiko:").
    private static func names(_ partner: String, startWith who: String) -> Bool {
        let name = partner.lowercased()
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        if name == who || words.contains(who) { return true }
        return who.count >= 2 && (name.hasPrefix(who) || words.contains { $0.hasPrefix(who) })
    }

    /// Whether words after a final `by` were meant as a day: a digit, a weekday, a month or a word
    /// such as "tomorrow" or "next".
    private static func looksLikeADay(_ text: String) -> Bool {
        let names = [
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        ]
        let relative: Set<String> = [
            "today", "tonight", "tomorrow", "next", "this", "end", "eod", "eow", "eom", "week", "month", "noon",
        ]
        return text.lowercased().split(separator: " ").contains { word in
            word.contains(where: \.isNumber) || relative.contains(String(word))
                || (word.count >= 3 && names.contains { $0.hasPrefix(word) })
        }
    }

    /// Whether `text` is a day that exists, written `YYYY-MM-DD`.
    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
