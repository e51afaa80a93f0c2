import Foundation
import MentorCore

/// Date fields as people type them (`friday`, `Dec 10`, `in 2w`, `2026-12-10`), read in the
/// user's zone and stored as `YYYY-MM-DD`: a due date or a goal's target date, never in the past.
enum DateField {
    /// `text` as a stored date; "" for no text. An unreadable text is passed on as it is, for the
    /// core's validation to refuse with `InvalidDate`.
    static func read(_ text: String?, field: String, in zone: TimeZone, now: Date) throws -> String {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return "" }
        guard let day = try? TimeExpression.day(text, in: zone, now: now) else { return text }
        try PastTimeRule.requireAhead(day, today: LocalDate(now, in: zone), field: field, text: text)
        return day.description
    }
}
