/// How reminders and times read to people, shared by `mentorctl` and the daemon's notification
/// and hook text, so a card reads the same on the terminal and on the desktop.
///
/// Works from the wire's local time strings, so callers need no time zone database.
public enum DisplayText {
    /// A word as a heading: `resource` -> `Resource`.
    public static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    /// "in 2h 5m", "in under a minute", "10m ago".
    public static func relative(minutes: Int) -> String {
        func span(_ minutes: Int) -> String {
            let days = minutes / 1440
            let hours = minutes % 1440 / 60
            let rest = minutes % 60
            return [(days, "d"), (hours, "h"), (rest, "m")].filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }
                .joined(separator: " ")
        }
        if minutes == 0 { return "in under a minute" }
        return minutes > 0 ? "in \(span(minutes))" : "\(span(-minutes)) ago"
    }

    /// `Thu 2026-12-03 15:00 +01:00` from `2026-12-03T15:00:00+01:00`; other text is returned as is.
    public static func when(_ local: String) -> String {
        let characters = Array(local)
        guard characters.count >= 19, let year = Int(String(characters[0..<4])),
            let month = Int(String(characters[5..<7])), let day = Int(String(characters[8..<10])),
            (1...12).contains(month)
        else { return local }
        let time = String(characters[11..<16])
        let seconds = String(characters[16..<19]) == ":00" ? "" : String(characters[16..<19])
        let offset = String(characters[19...])
        return
            "\(weekday(year: year, month: month, day: day)) \(String(characters[0..<10])) \(time)\(seconds) \(offset)"
    }

    /// The weekday of a Gregorian date, by Sakamoto's method (no calendar needed).
    public static func weekday(year: Int, month: Int, day: Int) -> String {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let index = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
        return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][index]
    }

    /// The one-line headline of a card: `Purpose + Preparation: Career chat with Sam`, or for a
    /// commitment `Commitment due: Send the draft (Sam)`.
    public static func headline(_ reminder: Wire.Reminder) -> String {
        switch reminder.kind {
        case .commitment: "Commitment due: \(reminder.title) (\(reminder.partner))"
        case .digest: "To prepare: \(reminder.title) (\(reminder.partner))"
        case .quiet: "Gone quiet: \(reminder.partner)"
        case .meeting, .test: meetingHeadline(steps: reminder.steps, title: reminder.title, partner: reminder.partner)
        }
    }

    /// A meeting card's headline from its parts: `Purpose + Preparation: Career chat with Sam`.
    public static func meetingHeadline(steps: [Wire.Step], title: String, partner: String) -> String {
        "\(steps.map(\.title).joined(separator: " + ")): \(title) with \(partner)"
    }

    /// The headline alone, with nothing of goals, summaries, questions or titles, for a screen
    /// others may see: `Participation: Sam in 15m`, `Commitment due (Sam)`, `To prepare: 3 meetings`.
    public static func discreetHeadline(_ reminder: Wire.Reminder) -> String {
        switch reminder.kind {
        case .commitment: "Commitment due (\(reminder.partner))"
        case .digest: "To prepare: \(reminder.meetings?.count ?? 0) meetings"
        case .quiet: "Gone quiet: \(reminder.partner)"
        case .meeting, .test:
            "\(reminder.steps.map(\.title).joined(separator: " + ")): \(reminder.partner) "
                + (reminder.minutesToStart >= 0 ? relative(minutes: reminder.minutesToStart) : "ended")
        }
    }

    /// When the meeting is, relative to the card: `starts in 15m, Thu 2026-12-03 15:00 +01:00`;
    /// `format` shows a time (a client shows it in its user's zone).
    public static func timing(_ reminder: Wire.Reminder, showing format: (String) -> String = when) -> String {
        if reminder.kind == .commitment || reminder.kind == .digest { return "due \(format(reminder.localDueAt))" }
        if reminder.kind == .quiet { return "no meeting scheduled" }
        let start = format(reminder.localStart)
        return reminder.minutesToStart >= 0
            ? "starts \(relative(minutes: reminder.minutesToStart)), \(start)" : "ended, started \(start)"
    }
}
