import Foundation

/// The rules for user-supplied fields, shared by every value that goes into the store.
///
/// Each function returns the field as it is stored (trimmed) or throws the first rule it breaks,
/// naming the field.
///
/// No text may hold U+0000 (SQLite would store only what comes before it), the other C0 controls
/// but TAB, LF and CR, DEL or the C1 controls: they have no business in notes and are how a text
/// takes over a terminal that prints it. One-line texts (titles, names, items) are shown in tables
/// and notifications, so they also refuse TAB and the bidirectional embedding, override and
/// isolate controls (U+202A to U+202E, U+2066 to U+2069), which can make a line read backwards.
public enum FieldRules {
    /// A required one-line text: non-empty after trimming, within `limit`, without line breaks.
    public static func requiredLine(_ text: String, field: String, limit: Int) throws(MeetingValidationError)
        -> String
    {
        try oneLine(try requiredText(text, field: field, limit: limit), field: field)
    }

    /// An optional one-line text: trimmed, possibly empty, within `limit`, without line breaks.
    public static func line(_ text: String, field: String, limit: Int) throws(MeetingValidationError) -> String {
        try oneLine(try self.text(text, field: field, limit: limit), field: field)
    }

    /// Whether `scalar` is refused in every text (see ``FieldRules``).
    public static func isRefusedInText(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// Whether `scalar` is refused in one-line texts on top of ``isRefusedInText(_:)``.
    public static func isRefusedInLine(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x202A...0x202E, 0x2066...0x2069: true
        default: isRefusedInText(scalar)
        }
    }

    private static func oneLine(_ trimmed: String, field: String) throws(MeetingValidationError) -> String {
        guard !trimmed.contains(where: \.isNewline) else { throw .multilineText(field: field) }
        if let refused = trimmed.unicodeScalars.first(where: isRefusedInLine) {
            throw .controlCharacter(field: field, codePoint: Int(refused.value))
        }
        return trimmed
    }

    /// A required text of any number of lines: non-empty after trimming and within `limit`.
    public static func requiredText(_ text: String, field: String, limit: Int) throws(MeetingValidationError)
        -> String
    {
        let trimmed = try self.text(text, field: field, limit: limit)
        guard !trimmed.isEmpty else { throw .emptyText(field: field) }
        return trimmed
    }

    /// An optional text of any number of lines: trimmed and within `limit`.
    public static func text(_ text: String, field: String, limit: Int) throws(MeetingValidationError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= limit else { throw .textTooLong(field: field, length: trimmed.count, limit: limit) }
        // Before the empty check of required texts: "\u{0}x" is not empty, it is refused.
        if let refused = trimmed.unicodeScalars.first(where: isRefusedInText) {
            throw .controlCharacter(field: field, codePoint: Int(refused.value))
        }
        return trimmed
    }

    /// A calendar day written `YYYY-MM-DD`, or empty for none.
    ///
    /// The day must exist (no 2026-02-30); the schema checks the same with SQLite's `date()`.
    public static func day(_ text: String, field: String) throws(MeetingValidationError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return "" }
        guard LocalDateTime(day: trimmed)?.isValid == true else { throw .invalidDay(field: field, text: text) }
        return trimmed
    }

    /// An e-mail address, lower case (calendars write them in any case), or empty for none: one word
    /// with an `@` between a local part and a domain, at most 254 characters (RFC 5321's path limit).
    public static func email(_ text: String, field: String) throws(MeetingValidationError) -> String {
        let trimmed = try line(text, field: field, limit: 254).lowercased()
        guard !trimmed.isEmpty else { return "" }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !trimmed.contains(where: \.isWhitespace)
        else { throw .invalidEmail(field: field, text: text) }
        return trimmed
    }

    /// A rating from 1 to 5, or nil for none given.
    public static func rating(_ value: Int?, field: String) throws(MeetingValidationError) -> Int? {
        guard let value else { return nil }
        guard MentoringLimits.ratings.contains(value) else { throw .ratingOutOfRange(field: field, value: value) }
        return value
    }
}
