import MentorProtocol

/// Human output for reminder cards: what `mentorctl watch` prints as each card fires.
enum ReminderFormatter {
    /// The card: a header line, then each step with its questions.
    static func card(_ reminder: Wire.Reminder) -> String {
        var lines = [
            "\(DisplayText.when(reminder.localDueAt))  \(DisplayText.headline(reminder))"
                + " (\(DisplayText.timing(reminder)))" + (reminder.late ? " [late]" : "")
        ]
        for section in reminder.prompts {
            lines.append("  \(section.step.title):")
            lines += section.prompts.map { "    - \($0)" }
        }
        lines += reminder.notes.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
