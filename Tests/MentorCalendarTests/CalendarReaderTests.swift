import Foundation
import MentorCalendar
import Testing

struct CalendarReaderTests {
    private func components(_ text: String) throws(CalendarError) -> [CalendarComponent] {
        try CalendarReader.components(Array(text.utf8))
    }

    private func event(_ lines: String) throws -> CalendarComponent {
        let calendar = try components("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n\(lines)END:VEVENT\r\nEND:VCALENDAR\r\n")
        return try #require(calendar.first?.components.first)
    }

    @Test func unfoldsLinesWithCRLFOrLFAndASpaceOrTab() throws {
        let crlf = try event("SUMMARY:Weekly one\r\n  to one\r\n\tand more\r\n")
        #expect(crlf.property("SUMMARY")?.value == "Weekly one to oneand more")
        let lf = try components("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:a\n b\nEND:VEVENT\nEND:VCALENDAR\n")
        #expect(lf.first?.components.first?.property("SUMMARY")?.value == "ab")
    }

    @Test func joinsAUTF8CharacterSplitAcrossAFold() throws {
        // "Café" with the two bytes of "é" (C3 A9) on either side of the fold.
        var bytes = Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Caf".utf8) + [0xC3, 0x0D, 0x0A, 0x20, 0xA9]
        bytes += Array("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
        let calendar = try CalendarReader.components(bytes)
        #expect(calendar.first?.components.first?.property("SUMMARY")?.value == "Café")
    }

    @Test func skipsAByteOrderMarkAndEmptyLines() throws {
        let calendar = try CalendarReader.components(
            [0xEF, 0xBB, 0xBF] + Array("BEGIN:VCALENDAR\r\n\r\nEND:VCALENDAR\r\n".utf8))
        #expect(calendar.map(\.name) == ["VCALENDAR"])
    }

    @Test func readsQuotedAndMultipleParameterValues() throws {
        let component = try event(
            "ATTENDEE;CN=\"Sam, the mentee: yes\";ROLE=REQ-PARTICIPANT;DELEGATED-FROM=\"mailto:a@x\",\"mailto:b@x\":mailto:sam@example.org\r\n"
        )
        let attendee = try #require(component.property("ATTENDEE"))
        #expect(attendee.parameter("CN") == "Sam, the mentee: yes")
        #expect(attendee.parameters.first { $0.name == "DELEGATED-FROM" }?.values == ["mailto:a@x", "mailto:b@x"])
        #expect(attendee.value == "mailto:sam@example.org")
        #expect(attendee.line == 3)
    }

    @Test func undoesTextEscapesAndSplitsLists() {
        #expect(CalendarText.unescape(#"a\,b\;c\\d\ne\Nf"#) == "a,b;c\\d\ne\nf")
        #expect(CalendarText.list(#"Mentoring,1:1\, weekly,Work"#) == ["Mentoring", "1:1, weekly", "Work"])
    }

    @Test func namesTheLineOfASyntaxError() {
        #expect(throws: CalendarError.syntax(line: 3, reason: "SUMMARY: no ':' before the value")) {
            _ = try components("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        }
        #expect(throws: CalendarError.unbalanced(line: 3, found: "END:VTODO", expected: "VEVENT")) {
            _ = try components("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n")
        }
        #expect(throws: CalendarError.notACalendar) { _ = try components("BEGIN:VCARD\r\nEND:VCARD\r\n") }
    }

    @Test func refusesFilesPastItsLimits() {
        var limits = CalendarLimits()
        limits.depth = 2
        #expect(throws: CalendarError.tooLarge(limit: "nested components", maximum: 2, line: 3)) {
            _ = try CalendarReader.components(
                Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nBEGIN:VALARM\r\n".utf8), limits: limits)
        }
        limits = CalendarLimits()
        limits.lineBytes = 20
        #expect(throws: CalendarError.tooLarge(limit: "bytes in one line", maximum: 20, line: 2)) {
            _ = try CalendarReader.components(
                Array("BEGIN:VCALENDAR\r\nDESCRIPTION:0123\r\n 456789\r\n".utf8), limits: limits)
        }
    }
}
