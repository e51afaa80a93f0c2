import MentorProtocol

/// Human output for reminder cards: what `mentorctl watch` prints as each card fires.
enum ReminderFormatter {
    /// Step names as people read them.
    static func title(of step: String) -> String {
        switch step {
        case "captureAgain": "Capture (again)"
        default: step.prefix(1).uppercased() + step.dropFirst()
        }
    }

    /// "in 2h 5m", "now", "started 10m ago".
    static func relative(minutes: Int) -> String {
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

    /// The card: a header line, then each step with its questions.
    static func card(_ reminder: Wire.Reminder) -> String {
        let steps = reminder.steps.map(title).joined(separator: " + ")
        let start = MeetingFormatter.when(reminder.localStart)
        let timing =
            reminder.minutesToStart >= 0
            ? "starts \(relative(minutes: reminder.minutesToStart)), \(start)"
            : "ended, started \(start)"
        var lines = [
            "\(MeetingFormatter.when(reminder.localDueAt))  \(steps): \(reminder.title) with \(reminder.partner)"
                + " (\(timing))" + (reminder.late ? " [late]" : "")
        ]
        for section in reminder.prompts {
            lines.append("  \(title(of: section.step)):")
            lines += section.prompts.map { "    - \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
