import MentorProtocol

/// Human output for `mentorctl import`: the counts, then one line per skipped event with its reason.
enum ImportFormatter {
    /// Skipped events listed one per line; beyond this many, a count of the rest.
    static let listedSkips = 50

    static func summary(_ reply: ImportCalendar.Reply, file: String, dryRun: Bool) -> String {
        let name = reply.calendar.map { "\(file) (\($0))" } ?? file
        let verb = dryRun ? "would import" : "imported"
        var lines = [
            "\(name): \(verb) \(reply.added) new, \(reply.updated) updated, \(reply.unchanged) unchanged, "
                + "\(reply.skipped.count) skipped"
        ]
        for event in reply.skipped.prefix(listedSkips) {
            let when = event.localStart.map(shortTime) ?? "(no start)"
            let title = event.title.isEmpty ? "(no title)" : event.title
            let reason = event.detail.isEmpty ? event.reason : "\(event.reason): \(event.detail)"
            lines.append("  skipped \(when)  \(title): \(reason)")
        }
        if reply.skipped.count > listedSkips {
            lines.append("  ... and \(reply.skipped.count - listedSkips) more (--json lists them all)")
        }
        if reply.notInFile > 0 {
            // Also meetings of other calendars imported before: true, and harmless to say.
            lines.append(
                "  \(reply.notInFile) meeting\(reply.notInFile == 1 ? "" : "s") imported before "
                    + "\(reply.notInFile == 1 ? "is" : "are") not in this file: left as "
                    + "\(reply.notInFile == 1 ? "it is" : "they are") (an import never deletes)")
        }
        return lines.joined(separator: "\n")
    }

    /// `2026-12-03T15:00:00+01:00` as `2026-12-03 15:00`.
    static func shortTime(_ text: String) -> String {
        guard text.count >= 16 else { return text }
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }
}
