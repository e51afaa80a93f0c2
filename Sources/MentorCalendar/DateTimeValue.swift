import MentorCore

/// A DATE or DATE-TIME value as written (RFC 5545 §3.3.4, §3.3.5), before a zone gives it an instant.
struct DateTimeValue: Sendable, Hashable {
    enum Form: Sendable, Hashable {
        /// `20260105`: a whole day.
        case date
        /// `20260105T090000Z`.
        case utc
        /// `20260105T090000`: in the zone its `TZID` names, else floating.
        case local
    }

    var form: Form
    /// The wall time written; midnight for a date.
    var local: LocalDateTime

    /// Reads `text`. `isDate`: the property said `VALUE=DATE`, which makes a value with a time a date too
    /// (`DTSTART;VALUE=DATE:20251222T000000`, as some apps write it).
    static func parse(_ text: String, isDate: Bool, line: Int, property: String) throws(CalendarError)
        -> DateTimeValue
    {
        let bytes = Array(text.utf8)
        func invalid(_ reason: String) -> CalendarError {
            .invalidValue(line: line, property: property, value: text, reason: reason)
        }
        func number(_ range: Range<Int>) throws(CalendarError) -> Int {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                    throw invalid("not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS, optionally Z)")
                }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count == 8 || ((bytes.count == 15 || bytes.count == 16) && bytes[8] == UInt8(ascii: "T")) else {
            throw invalid("not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS, optionally Z)")
        }
        var local = LocalDateTime(
            year: try number(0..<4), month: try number(4..<6), day: try number(6..<8), hour: 0, minute: 0)
        var form = Form.date
        if bytes.count > 8 && !isDate {
            (local.hour, local.minute, local.second) = (try number(9..<11), try number(11..<13), try number(13..<15))
            // RFC 5545 allows a leap second (60); no clock shows one, so it is the next minute's start.
            if local.second == 60 { local.second = 59 }
            if bytes.count == 16 {
                guard bytes[15] == UInt8(ascii: "Z") else { throw invalid("a date-time ends in Z or nothing") }
                form = .utc
            } else {
                form = .local
            }
        }
        guard local.isValid else { throw invalid("no such date or time") }
        return DateTimeValue(form: form, local: local)
    }
}
