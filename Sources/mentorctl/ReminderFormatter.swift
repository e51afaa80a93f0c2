import MentorProtocol

/// Human output for reminder cards: what `mentorctl watch` prints as each card fires.
enum ReminderFormatter {
    /// The card: a header line, then each step with its questions.
    static func card(_ reminder: Wire.Reminder) -> String {
        var lines = [
            "\(UserTime.when(reminder.localDueAt))  \(DisplayText.headline(reminder))"
                + " (\(DisplayText.timing(reminder, showing: UserTime.when)))" + (reminder.late ? " [late]" : "")
        ]
        if let meetings = reminder.meetings {
            lines += meetings.flatMap(entry)
            return lines.joined(separator: "\n")
        }
        for section in reminder.prompts {
            lines.append("  \(section.step.title):")
            lines += section.prompts.map { "    - \($0)" }
        }
        lines += reminder.notes.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }

    /// One meeting of a digest: when, with whom, its aim and open items, and each step's first
    /// question (`mentorctl prep` asks the rest).
    private static func entry(_ entry: Wire.DigestEntry) -> [String] {
        var lines = [
            "  \(UserTime.when(entry.localStart))  \(entry.title) with \(entry.partner) "
                + "(\(entry.steps.map(\.title).joined(separator: " + ")))"
        ]
        if !entry.aim.isEmpty { lines.append("    Aim: \(entry.aim)") }
        if !entry.openItems.isEmpty { lines.append("    Open: \(entry.openItems.joined(separator: "; "))") }
        lines += entry.prompts.compactMap { section in section.prompts.first.map { "    - \($0)" } }
        return lines
    }
}
