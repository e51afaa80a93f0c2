import Foundation
import MentorCalendar
import MentorCore
import Testing

struct CalendarFileTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    private func read(_ events: String, header: String = "") throws -> CalendarFile {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\(header)\(events)END:VCALENDAR\r\n"
        return try CalendarFile.read(Array(text.utf8), floatingZone: berlin)
    }

    private func vevent(_ lines: [String], uid: String = "a@x") -> String {
        (["BEGIN:VEVENT", "UID:" + uid] + lines + ["END:VEVENT"]).map { $0 + "\r\n" }.joined()
    }

    private func local(_ instant: Date, _ zone: TimeZone) -> String { RFC3339.local(instant, in: zone) }

    @Test func readsTheFieldsAMeetingNeeds() throws {
        let file = try read(
            vevent([
                "DTSTART;TZID=Europe/Berlin:20260105T150000", "DTEND;TZID=Europe/Berlin:20260105T154500",
                #"SUMMARY:1:1 Sam\, weekly"#, #"DESCRIPTION:Agenda:\nGoals"#, "SEQUENCE:3", "STATUS:TENTATIVE",
                "ORGANIZER;CN=Ada:mailto:Ada@Example.org",
                "ATTENDEE;CN=Sam;PARTSTAT=DECLINED;EMAIL=sam@example.org:urn:uuid:1234",
                "CATEGORIES:Mentoring,Work", "CATEGORIES:1:1",
            ]), header: "X-WR-CALNAME:Mentoring\r\n")
        #expect(file.name == "Mentoring")
        let event = try #require(file.series.first?.master)
        #expect(event.summary == "1:1 Sam, weekly")
        #expect(event.description == "Agenda:\nGoals")
        #expect(local(event.start, berlin) == "2026-01-05T15:00:00+01:00")
        #expect(event.durationSeconds == 2700)
        #expect(event.sequence == 3)
        #expect(event.status == .tentative)
        #expect(event.organizer == Participant(email: "ada@example.org", name: "Ada"))
        #expect(event.attendees == [Participant(email: "sam@example.org", name: "Sam", participation: "DECLINED")])
        #expect(event.categories == ["Mentoring", "Work", "1:1"])
        #expect(event.timeKind == .zoned)
    }

    @Test func readsEveryFormOfStart() throws {
        let utc = try read(vevent(["DTSTART:20260105T140000Z", "DURATION:PT1H"]))
        #expect(utc.series.first?.master?.timeKind == .utc)
        #expect(utc.series.first?.master?.zone.identifier == "Etc/UTC")
        let floating = try read(vevent(["DTSTART:20260105T150000"]))
        #expect(local(floating.series[0].master!.start, berlin) == "2026-01-05T15:00:00+01:00")
        #expect(floating.series[0].master!.durationSeconds == 0)
        let allDay = try read(vevent(["DTSTART;VALUE=DATE:20260105"]))
        #expect(allDay.series[0].master!.isAllDay)
        #expect(allDay.series[0].master!.durationSeconds == 86_400)
        // Written by some apps; read leniently as the date it names.
        let lenient = try read(vevent(["DTSTART;VALUE=DATE:20251222T000000"]))
        #expect(lenient.series[0].master!.isAllDay)
    }

    @Test(arguments: [
        ("W. Europe Standard Time", "Europe/Berlin"), ("Pacific Standard Time", "America/Los_Angeles"),
        ("/mozilla.org/20050126_1/Europe/Berlin", "Europe/Berlin"),
        ("/freeassociation.sourceforge.net/Tzfile/America/New_York", "America/New_York"),
    ])
    func readsTimeZonesAsProvidersNameThem(tzid: String, iana: String) throws {
        let file = try read(vevent(["DTSTART;TZID=\"\(tzid)\":20260705T090000"]))
        #expect(file.series.first?.master?.zone.identifier == iana)
    }

    @Test func appliesGooglesCalendarZoneToUTCSeries() throws {
        let file = try read(
            vevent(["DTSTART:20261015T070000Z", "RRULE:FREQ=WEEKLY;COUNT=3"]),
            header: "X-WR-TIMEZONE:Europe/Berlin\r\n")
        let starts = file.series[0].occurrences(from: .distantPast, through: .distantFuture).map {
            local($0.start, berlin)
        }
        #expect(starts == ["2026-10-15T09:00:00+02:00", "2026-10-22T09:00:00+02:00", "2026-10-29T09:00:00+01:00"])
    }

    @Test func refusesUnsupportedRulePartsByNameAndKeepsTheRest() throws {
        let file = try read(
            vevent(["DTSTART:20260105T140000Z", "RRULE:FREQ=YEARLY;BYWEEKNO=20"], uid: "a")
                + vevent(["DTSTART:20260105T140000Z", "RRULE:FREQ=WEEKLY"], uid: "b")
                + vevent(["DTSTART:20260105T140000Z", "RRULE:FREQ=WEEKLY", "SUMMARY:Split"], uid: "c")
                + vevent(["RECURRENCE-ID;RANGE=THISANDFUTURE:20260112T140000Z", "DTSTART:20260113T140000Z"], uid: "c")
                + vevent(["DTSTART;TZID=Mars/Olympus:20260105T140000"], uid: "d")
                + vevent(["DTSTART:20260105T140000Z", "RDATE;VALUE=PERIOD:20260106T140000Z/PT1H"], uid: "e"))
        #expect(file.series.map(\.uid) == ["b"])
        #expect(
            file.refused.map(\.error) == [
                .unsupported(line: 6, property: "RRULE", part: "BYWEEKNO=20"),
                .unsupported(line: 21, property: "RECURRENCE-ID", part: "RANGE=THISANDFUTURE"),
                .unknownTimeZone(line: 26, property: "DTSTART", tzid: "Mars/Olympus"),
                .unsupported(line: 31, property: "RDATE", part: "VALUE=PERIOD"),
            ])
        #expect(file.refused.map(\.uid) == ["a", "c", "d", "e"])
    }

    @Test func refusesATZIDOfSlashesAsUnknown() throws {
        // Found by the fuzzer (crash-tzid-only-slashes): the prefix search trapped on a name with no parts.
        let file = try read(vevent(["DTSTART;TZID=/:20260330T110000"]))
        #expect(file.refused.first?.error == .unknownTimeZone(line: 5, property: "DTSTART", tzid: "/"))
    }

    @Test func namesTheLineAndPropertyOfABadValue() throws {
        let file = try read(vevent(["DTSTART;TZID=Europe/Berlin:20260230T090000"]))
        #expect(
            file.refused.first?.error
                == .invalidValue(line: 5, property: "DTSTART", value: "20260230T090000", reason: "no such date or time")
        )
        #expect(file.refused.first?.error.description == "line 5: DTSTART '20260230T090000': no such date or time")
    }

    @Test func excludedDatesCountTowardCountAndOverridesMoveOrCancel() throws {
        let file = try read(
            vevent([
                "DTSTART;TZID=Europe/Berlin:20260105T090000", "DURATION:PT30M", "RRULE:FREQ=DAILY;COUNT=5",
                "EXDATE;TZID=Europe/Berlin:20260106T090000,20260107T090000", "EXDATE;VALUE=DATE:20260108",
                "SUMMARY:Daily",
            ])
                + vevent([
                    "RECURRENCE-ID:20260109T080000Z", "DTSTART;TZID=Europe/Berlin:20260109T140000", "DURATION:PT1H",
                    "SUMMARY:Moved",
                ])
                + vevent([
                    "RECURRENCE-ID;TZID=Europe/Berlin:20260105T090000", "DTSTART:20260105T080000Z", "STATUS:CANCELLED",
                ])
        )
        let occurrences = file.series[0].occurrences(from: .distantPast, through: .distantFuture)
        #expect(
            occurrences.map { local($0.start, berlin) } == ["2026-01-05T09:00:00+01:00", "2026-01-09T14:00:00+01:00"])
        #expect(occurrences.map(\.status) == [.cancelled, .confirmed])
        #expect(occurrences.map(\.title) == ["", "Moved"])
        #expect(local(occurrences[1].original, berlin) == "2026-01-09T09:00:00+01:00")
        #expect(occurrences[1].durationSeconds == 3600)
    }

    @Test func keepsTheNewerCopyOfAnEvent() throws {
        let file = try read(
            vevent(["DTSTART:20260105T140000Z", "SEQUENCE:2", "SUMMARY:New"])
                + vevent(["DTSTART:20260105T140000Z", "SEQUENCE:1", "SUMMARY:Old"]))
        #expect(file.series.count == 1)
        #expect(file.series[0].master?.summary == "New")
    }
}
