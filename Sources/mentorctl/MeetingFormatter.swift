import MentorExport
import MentorProtocol

/// Human output for meetings: a table for lists, labelled lines for one meeting.
///
/// Times are shown in the user's zone (``UserTime``), with the meeting's own zone beside them.
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
            + "\(UserTime.when(meeting.localStart, zone: meeting.timeZone)), \(duration(meeting.durationSeconds))"
            + (meeting.recurrence.isEmpty ? "" : ", repeats \(meeting.recurrence)")
            + (meeting.status == .cancelled ? ", cancelled" : "")
    }

    /// An aligned table with a header row.
    static func table(_ meetings: [Wire.Meeting]) -> String {
        let header = ["ID", "WHEN", "ZONE", "LENGTH", "WITH", "ROLE", "TITLE"]
        let rows = meetings.map { meeting in
            [
                String(meeting.id), UserTime.when(meeting.localStart),
                HouseTime.zoneCell(meeting.localStart, zone: meeting.timeZone, in: UserTime.zone),
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
                ["When:", UserTime.when(meeting.localStart, zone: meeting.timeZone)],
                ["Length:", duration(meeting.durationSeconds)],
                ["Purpose:", meeting.purpose.isEmpty ? "(none yet)" : meeting.purpose],
                ["Repeats:", meeting.recurrence.isEmpty ? "no" : meeting.recurrence],
                ["Reminders:", meeting.offsets.isEmpty ? "as configured" : meeting.offsets],
                ["Status:", meeting.status.rawValue],
                ["Added:", UserTime.minute(meeting.createdAt)],
                ["Changed:", UserTime.minute(meeting.updatedAt)],
            ])
    }
}
