import MentorProtocol

/// Human output for `mentorctl calendar`: the table of followed calendars, one calendar's details,
/// what a sync did, and the events left out.
enum CalendarFormatter {
    /// One line per calendar under a header.
    static func table(_ sources: [Wire.CalendarSource]) -> String {
        let rows =
            [["NAME", "KIND", "LAST SYNC", "MATCHED", "IGNORED", "MEETINGS", "ERROR"]]
            + sources.map { source in
                [
                    source.name, source.kind.rawValue, source.lastSuccess.map(shortTime) ?? "never",
                    String(source.matched), String(source.ignored), String(source.meetings),
                    source.lastError.isEmpty ? "-" : source.lastError,
                ]
            }
        let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<6).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }.joined(separator: "  ")
                + "  " + row[6]
        }.joined(separator: "\n")
    }

    /// One calendar, a field a line.
    static func details(_ source: Wire.CalendarSource) -> String {
        var lines = ["\(source.name): \(source.kind.rawValue) \(source.location)"]
        if let partner = source.partner {
            lines.append("  with:        \(partner)\(source.role.map { " (you are the \($0.rawValue))" } ?? "")")
        }
        lines.append("  match:       " + (source.match.isEmpty ? "every event" : source.match.joined(separator: ", ")))
        if let interval = source.interval { lines.append("  polled:      every \(duration(interval))") }
        if let user = source.username { lines.append("  user:        \(user)") }
        if source.fromConfig { lines.append("  defined in:  the configuration file") }
        lines.append("  last sync:   " + (source.lastSuccess.map(shortTime) ?? "never"))
        if let next = source.nextSync { lines.append("  next sync:   \(shortTime(next))") }
        lines.append(
            "  events:      \(source.matched) matched, \(source.ignored) ignored; \(count(source.meetings, "meeting"))")
        if !source.lastError.isEmpty { lines.append("  last error:  \(source.lastError)") }
        return lines.joined(separator: "\n")
    }

    /// What a sync did, in one line.
    static func sync(_ sync: Wire.CalendarSync) -> String {
        guard sync.ok || sync.added + sync.updated + sync.unchanged > 0 else {
            return "\(sync.name): failed: \(sync.error ?? "unknown error"); nothing changed"
        }
        var line =
            "\(sync.name): \(sync.added) added, \(sync.updated) updated, \(sync.unchanged) unchanged, "
            + "\(sync.removed) removed, \(sync.ignored) ignored"
        if sync.awaitingRemoval > 0 {
            line +=
                "; \(count(sync.awaitingRemoval, "meeting")) gone from the calendar, removed if the next sync agrees"
        }
        if sync.emptyIgnored { line += "; the calendar is empty: nothing removed" }
        if let error = sync.error { line += "; \(error)" }
        return line
    }

    /// The events left out, one a line.
    static func unmatched(_ events: [Wire.SkippedEvent]) -> String {
        guard !events.isEmpty else { return "No event left out." }
        return
            (["Left out (\(events.count)):"]
            + events.map { event in
                let when = event.localStart.map(ImportFormatter.shortTime) ?? "(no start)"
                let reason = event.detail.isEmpty ? event.reason : "\(event.reason): \(event.detail)"
                return "  \(when)  \(event.title.isEmpty ? "(no title)" : event.title): \(reason)"
            }).joined(separator: "\n")
    }

    /// `3 meetings`, `1 meeting`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// `2026-12-03T15:00:00.000Z` as `2026-12-03 15:00 UTC`.
    static func shortTime(_ text: String) -> String {
        ImportFormatter.shortTime(text) + " UTC"
    }

    /// 900 as `15m`, 3600 as `1h`.
    static func duration(_ seconds: Int) -> String {
        seconds % 3600 == 0 ? "\(seconds / 3600)h" : seconds % 60 == 0 ? "\(seconds / 60)m" : "\(seconds)s"
    }
}
