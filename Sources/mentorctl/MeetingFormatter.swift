import MentorProtocol

/// Human output for meetings: a table for lists, labelled lines for one meeting.
///
/// Times are shown as the daemon sent them in the meeting's own zone (`localStart`), so the client
/// needs no time zone database and starts fast.
enum MeetingFormatter {
    /// `45m`, `1h30m`, `1h`, `90s` -> `1m30s`.
    static func duration(_ seconds: Int) -> String {
        let parts = [
            (seconds / 86_400, "d"), (seconds % 86_400 / 3600, "h"), (seconds % 3600 / 60, "m"), (seconds % 60, "s"),
        ]
        let text = parts.filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }.joined()
        return text.isEmpty ? "0s" : text
    }

    /// One line: `3  Thu 2026-12-03 15:00 +01:00  Career chat with Sam (mentee), 45m`.
    static func summary(_ meeting: Wire.Meeting) -> String {
        "\(meeting.title) with \(meeting.partner) (you are the \(meeting.role.rawValue)), "
            + "\(DisplayText.when(meeting.localStart)) \(meeting.timeZone), \(duration(meeting.durationSeconds))"
            + (meeting.recurrence.isEmpty ? "" : ", repeats \(meeting.recurrence)")
            + (meeting.status == .cancelled ? ", cancelled" : "")
    }

    /// An aligned table with a header row.
    static func table(_ meetings: [Wire.Meeting]) -> String {
        let header = ["ID", "WHEN", "ZONE", "LENGTH", "WITH", "ROLE", "TITLE"]
        let rows = meetings.map { meeting in
            [
                String(meeting.id), DisplayText.when(meeting.localStart), meeting.timeZone,
                duration(meeting.durationSeconds),
                meeting.partner, meeting.role.rawValue,
                meeting.title + (meeting.recurrence.isEmpty ? "" : " [repeats]")
                    + (meeting.status == .cancelled ? " [cancelled]" : ""),
            ]
        }
        return TextTable.render([header] + rows)
    }

    /// Labelled lines for `mentorctl show`.
    static func detail(_ meeting: Wire.Meeting) -> String {
        TextTable.render(
            [
                ["Meeting:", "\(meeting.id)"],
                ["Title:", meeting.title],
                ["With:", "\(meeting.partner) (you are the \(meeting.role.rawValue))"],
                ["When:", "\(DisplayText.when(meeting.localStart)) \(meeting.timeZone)"],
                ["UTC:", meeting.start],
                ["Length:", duration(meeting.durationSeconds)],
                ["Purpose:", meeting.purpose.isEmpty ? "(none yet)" : meeting.purpose],
                ["Repeats:", meeting.recurrence.isEmpty ? "no" : meeting.recurrence],
                ["Reminders:", meeting.offsets.isEmpty ? "as configured" : meeting.offsets],
                ["Status:", meeting.status.rawValue],
                ["Added:", meeting.createdAt],
                ["Changed:", meeting.updatedAt],
            ])
    }
}

/// Left-aligned columns separated by two spaces, trailing spaces trimmed.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        // Escaped before measuring, so that a cell holding control characters keeps its columns.
        let rows = rows.map { $0.map(TerminalText.escaped) }
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                line += cell
                if column < row.count - 1 { line += String(repeating: " ", count: widths[column] - cell.count + 2) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
