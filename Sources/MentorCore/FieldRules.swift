import Foundation

/// The rules for user-supplied fields, shared by every value that goes into the store.
///
/// Each function returns the field as it is stored (trimmed) or throws the first rule it breaks,
/// naming the field.
public enum FieldRules {
    /// A required one-line text: non-empty after trimming, within `limit`, without line breaks.
    public static func requiredLine(_ text: String, field: String, limit: Int) throws(MeetingValidationError)
        -> String
    {
        let trimmed = try requiredText(text, field: field, limit: limit)
        guard !trimmed.contains(where: \.isNewline) else { throw .multilineText(field: field) }
        return trimmed
    }

    /// An optional one-line text: trimmed, possibly empty, within `limit`, without line breaks.
    public static func line(_ text: String, field: String, limit: Int) throws(MeetingValidationError) -> String {
        let trimmed = try self.text(text, field: field, limit: limit)
        guard !trimmed.contains(where: \.isNewline) else { throw .multilineText(field: field) }
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
