import MentorProtocol

/// An iCalendar file (RFC 5545) of upcoming meeting occurrences, each with one alarm per planned
/// reminder step, so a phone rings when mentord would.
///
/// A pure function of wire values and the current instant: no I/O, no clock.
public enum CalendarExport {
    /// Steps whose reminder the daemon keeps quiet: an alarm for them would ring for nothing.
    public static let quietStates: Set<String> = ["done", "suppressed"]

    /// The calendar, CRLF line endings, long lines folded.
    /// - Parameters:
    ///   - occurrences: what `ListUpcoming` returned.
    ///   - purposes: each meeting's purpose by meeting id (an occurrence does not carry it).
    ///   - now: seconds since the epoch, for `DTSTAMP`.
    public static func render(_ occurrences: [Wire.Occurrence], purposes: [Int64: String], now: Int64) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mentord//mentorctl \(MentordVersion.current)//EN",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        ]
        for occurrence in occurrences {
            lines += event(occurrence, purpose: purposes[occurrence.meetingId] ?? "", now: now)
        }
        lines.append("END:VCALENDAR")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// One `VEVENT` with its `VALARM`s, unfolded; empty when the occurrence's start cannot be read.
    public static func event(_ occurrence: Wire.Occurrence, purpose: String, now: Int64) -> [String] {
        guard let start = UTCTimestamp.epochSeconds(occurrence.start) else { return [] }
        let about =
            "Mentoring meeting with \(occurrence.partner) (you are the \(occurrence.role.rawValue)), "
            + "mentord meeting \(occurrence.meetingId)."
        var lines = [
            "BEGIN:VEVENT",
            "UID:mentord-\(occurrence.meetingId)-\(start)@mentord",
            "DTSTAMP:\(UTCTimestamp.basic(now))",
            "DTSTART:\(UTCTimestamp.basic(start))",
            "DTEND:\(UTCTimestamp.basic(start + Int64(occurrence.durationSeconds)))",
            "SUMMARY:\(escape("\(occurrence.title) with \(occurrence.partner)"))",
            "DESCRIPTION:\(escape(purpose.isEmpty ? about : "\(purpose)\n\n\(about)"))",
        ]
        for reminder in occurrence.reminders where !quietStates.contains(reminder.state ?? "") {
            guard let at = UTCTimestamp.epochSeconds(reminder.at) else { continue }
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:\(escape(reminder.step.title))",
                "TRIGGER;VALUE=DATE-TIME:\(UTCTimestamp.basic(at))",
                "END:VALARM",
            ]
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as `\n`.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A content line folded (RFC 5545 3.1): at most 75 octets per physical line, the leading space
    /// of each continuation counted, never splitting a UTF-8 sequence. No line ending is added at the end.
    public static func fold(_ line: String) -> String {
        var folded = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                folded += "\r\n "
                octets = 1
            }
            folded.unicodeScalars.append(scalar)
            octets += size
        }
        return folded
    }
}
