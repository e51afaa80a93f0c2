import Foundation
import MentorCore

/// A rule that says an event of a followed calendar is a mentoring meeting (`--match RULE`).
///
/// An event any of a source's rules takes is a mentoring meeting (their order does not matter: no
/// rule says more than yes); an event no rule matches is not a mentoring meeting (listed by `calendar show --unmatched`, never stored). A source without
/// rules matches every event with its default partner, else by attendee, as `mentorctl import` does.
public enum MatchRule: Sendable, Hashable, CustomStringConvertible {
    /// `category:WORD`: `CATEGORIES` holds the word (any case).
    case category(String)
    /// `title:WORD`: the title contains the word or phrase (any case).
    case title(String)
    /// `attendee`: the organizer or an attendee is a relationship's e-mail address.
    case attendee

    /// The longest word a rule may hold.
    public static let maximumWordLength = 200

    /// Reads `category:WORD`, `title:WORD` or `attendee`.
    public static func parse(_ text: String) throws(MatchRuleError) -> MatchRule {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "attendee" { return .attendee }
        guard let colon = trimmed.firstIndex(of: ":") else { throw .unknownKind(text) }
        let kind = trimmed[..<colon].lowercased()
        let word = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !word.isEmpty, word.count <= maximumWordLength, !word.contains(where: \.isNewline) else {
            throw .invalidWord(text)
        }
        switch kind {
        case "category": return .category(word)
        case "title": return .title(word)
        default: throw .unknownKind(text)
        }
    }

    /// The rule as `parse` reads it.
    public var description: String {
        switch self {
        case .category(let word): "category:\(word)"
        case .title(let word): "title:\(word)"
        case .attendee: "attendee"
        }
    }

    /// Whether the rule takes `event`, before its partner is found.
    func matches(_ event: CalendarEvent, partner: PartnerMatch) -> Bool {
        switch self {
        case .category(let word):
            event.categories.contains { $0.caseInsensitiveCompare(word) == .orderedSame }
        case .title(let word):
            event.summary.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        case .attendee:
            if case .matched = partner { true } else { false }
        }
    }
}

/// Why a `--match` rule cannot be read.
public enum MatchRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not `category:`, `title:` or `attendee`.
    case unknownKind(String)
    /// An empty, multi-line or over-long word.
    case invalidWord(String)

    public var description: String {
        switch self {
        case .unknownKind(let text): "'\(text)' is not category:WORD, title:WORD or attendee"
        case .invalidWord(let text):
            "'\(text)' needs one word or phrase of at most \(MatchRule.maximumWordLength) characters"
        }
    }
}
