import Foundation

/// When a relationship has gone quiet: it has a cadence, and nothing was scheduled or captured
/// for one and a half of them. A mentor with several mentees notices a fading one before months
/// pass; the half cadence leaves room for a meeting that slips by a few days.
public enum QuietRule {
    /// How many cadences without contact make a relationship quiet.
    public static let cadences = 1.5

    /// The cadence a person wrote, in seconds: "daily", "weekly", "fortnightly" or "biweekly",
    /// "twice a month", "monthly", "quarterly", "every 2 weeks" (days, weeks, months), or a
    /// duration such as "10d" or "3w". Nil when it cannot be read: such a relationship never goes
    /// quiet, rather than on a guess.
    public static func seconds(ofCadence text: String) -> Int? {
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "-" }).map(String.init)
        let day = 86_400
        let named = [
            "daily": day, "weekly": 7 * day, "fortnightly": 14 * day, "biweekly": 14 * day, "monthly": 30 * day,
            "quarterly": 91 * day, "yearly": 365 * day, "annually": 365 * day,
        ]
        if let seconds = named[words.joined()] { return seconds }
        if words == ["twice", "a", "month"] { return 15 * day }
        if words == ["twice", "a", "week"] { return 3 * day + day / 2 }
        let units = ["day": day, "week": 7 * day, "month": 30 * day]
        if words.first == "every", (2...3).contains(words.count) {
            let count = words.count == 3 ? Int(words[1]) : 1
            let unit = words.last.map { $0.hasSuffix("s") ? String($0.dropLast()) : $0 }
            if let count, count > 0, let unit, let seconds = units[unit] { return count * seconds }
            return nil
        }
        guard let seconds = try? DurationExpression.seconds(text), seconds >= 86_400 else { return nil }
        return seconds
    }

    /// When a relationship with `cadence` (as written) and `contact` goes quiet; nil when it has no
    /// readable cadence or a series that goes on.
    public static func quietSince(cadence: String, contact: RelationshipContact) -> Date? {
        guard let seconds = seconds(ofCadence: cadence), let last = contact.lastContact else { return nil }
        return last.addingTimeInterval(TimeInterval(seconds) * cadences)
    }
}
