import Foundation
import MentorCalendar
import MentorCore
import Testing

/// What mentord decided where implementations disagree (docs/calendar.md, "Where implementations
/// disagree"); the differential test leaves these cases out, so they are pinned here.
struct DecidedDisagreementTests {
    private func starts(_ lines: [String], zone: String = "Europe/Berlin", extra: String = "") throws -> [String] {
        let tz = TimeZone(identifier: zone)!
        let text =
            (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:x"] + lines + ["END:VEVENT"]).joined(separator: "\r\n")
            + "\r\n" + extra + "END:VCALENDAR\r\n"
        let file = try CalendarFile.read(Array(text.utf8), floatingZone: tz)
        return try #require(file.series.first).occurrences(from: .distantPast, through: .distantFuture).map {
            RFC3339.local($0.start, in: tz) + ($0.status == .cancelled ? " cancelled" : "") + " \($0.durationSeconds)s"
        }
    }

    @Test func weeklyPositionsCountTheWholeWeekFromItsStart() throws {
        // 2025-09-18 is a Thursday: the week from Monday holds MO 15 and TH 18, so TH is the second.
        let dates = try starts([
            "DTSTART;TZID=Europe/Berlin:20250918T170000", "RRULE:FREQ=WEEKLY;BYDAY=MO,TH;BYSETPOS=2;COUNT=2",
        ])
        #expect(dates == ["2025-09-18T17:00:00+02:00 0s", "2025-09-25T17:00:00+02:00 0s"])
    }

    @Test func plainAndOrdinalWeekdaysAreAlternatives() throws {
        let dates = try starts([
            "DTSTART;TZID=Europe/Berlin:20260105T090000", "RRULE:FREQ=MONTHLY;BYDAY=MO,2TU;COUNT=4",
        ])
        #expect(dates.map { String($0.prefix(10)) } == ["2026-01-05", "2026-01-12", "2026-01-13", "2026-01-19"])
    }

    @Test func aStartInAGapRepeatsAtTheShiftedWallTime() throws {
        let dates = try starts(["DTSTART;TZID=Europe/Berlin:20260329T023000", "RRULE:FREQ=DAILY;COUNT=2"])
        #expect(dates == ["2026-03-29T03:30:00+02:00 0s", "2026-03-30T03:30:00+02:00 0s"])
    }

    @Test func aSkippedDayGivesOneOccurrencePerInstant() throws {
        let dates = try starts(
            ["DTSTART;TZID=Pacific/Apia:20111229T100000", "RRULE:FREQ=DAILY;COUNT=3"], zone: "Pacific/Apia")
        #expect(dates.count == 2)
    }

    @Test func aLengthIsElapsedTimeAcrossADSTChange() throws {
        // 01:30 to 03:30 on the night Berlin's clocks go back is three hours.
        let dates = try starts([
            "DTSTART;TZID=Europe/Berlin:20261025T013000", "DTEND;TZID=Europe/Berlin:20261025T033000",
        ])
        #expect(dates == ["2026-10-25T01:30:00+02:00 10800s"])
    }

    @Test func aCancelledSeriesCancelsItsOverridesToo() throws {
        let override =
            "BEGIN:VEVENT\r\nUID:x\r\nRECURRENCE-ID:20260112T080000Z\r\nDTSTART:20260112T090000Z\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\n"
        let dates = try starts(
            ["DTSTART:20260105T080000Z", "RRULE:FREQ=WEEKLY;COUNT=2", "STATUS:CANCELLED"], zone: "UTC", extra: override)
        #expect(dates == ["2026-01-05T08:00:00+00:00 cancelled 0s", "2026-01-12T09:00:00+00:00 cancelled 0s"])
    }
}
