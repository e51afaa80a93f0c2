import Foundation

/// Reads when a snoozed reminder should come back: a duration (`1h`), `evening` (when quiet hours
/// begin, 19:00 without quiet hours) or `tomorrow` (the prep hour of the next local day).
public enum SnoozeTarget {
    public static func resolve(_ text: String, now: Date, zone: TimeZone, policy: ReminderPolicy)
        throws(TimeExpressionError)
        -> Date
    {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        let today = LocalDateTime(now, in: zone)
        func at(minutes: Int, daysAhead: Int) -> Date? {
            let calendar = Calendar.gregorian(in: zone)
            guard
                let noon = LocalDateTime(year: today.year, month: today.month, day: today.day, hour: 12, minute: 0)
                    .instant(in: zone),
                let day = calendar.date(byAdding: .day, value: daysAhead, to: noon)
            else { return nil }
            let date = LocalDateTime(day, in: zone)
            return LocalDateTime(
                year: date.year, month: date.month, day: date.day, hour: minutes / 60, minute: minutes % 60
            )
            .instant(in: zone)
        }
        switch word {
        case "evening", "this evening":
            guard let evening = at(minutes: policy.quietHours?.startMinutes ?? 19 * 60, daysAhead: 0), evening > now
            else {
                throw .invalidSyntax(text)
            }
            return evening
        case "tomorrow":
            guard let tomorrow = at(minutes: policy.prepHourMinutes, daysAhead: 1) else { throw .invalidSyntax(text) }
            return tomorrow
        default:
            guard let seconds = try? DurationExpression.seconds(word), seconds > 0 else { throw .invalidSyntax(text) }
            return now.addingTimeInterval(TimeInterval(seconds))
        }
    }
}
