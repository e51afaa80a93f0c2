import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

/// `ImportCalendar` through the whole daemon: re-imports, updates, overrides, declines, partners,
/// dry runs and bad files, with the reminders they lead to at fixed dates.
struct ImportCalendarTests {
    let noon = InProcessDaemon.tuesdayNoon
    /// Wednesday 2036-06-11 15:00 UTC, the next day.
    var wednesday: Date { noon.addingTimeInterval(27 * 3600) }

    /// A weekly series of four on Wednesdays at 15:00 UTC, as a calendar writes it at `sequence`.
    static func weekly(sequence: Int = 0, start: String = "20360611T150000Z", extra: [String] = []) -> [String] {
        [
            "UID:weekly-1@example.org", "SEQUENCE:\(sequence)", "SUMMARY:Weekly 1:1", "DTSTART:\(start)",
            "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=4",
        ] + extra
    }

    @Test func reimportingTheSameFileChangesNothing() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let text = CalendarFiles.calendar([
            Self.weekly(), ["UID:single@example.org", "SUMMARY:Once", "DTSTART:20360612T090000Z"],
        ])
        let first = try await daemon.importCalendar(text: text)
        #expect((first.added, first.updated, first.unchanged) == (2, 0, 0))
        let before = try await daemon.call(ListMeetings.self, .init()).meetings
        try await daemon.advance(by: 60)
        // The same calendar downloaded again, to another path, with new DTSTAMPs.
        let again = try await daemon.importCalendar(
            text: text.replacingOccurrences(of: "DTSTAMP:20360601T000000Z", with: "DTSTAMP:20360610T120100Z"),
            name: "calendar (1).ics")
        #expect((again.added, again.updated, again.unchanged, again.notInFile) == (0, 0, 2, 0))
        #expect(again.meetingIds.isEmpty)
        #expect(try await daemon.call(ListMeetings.self, .init()).meetings == before, "not even updatedAt changed")
        // An event without DTEND or DURATION gets the default length.
        #expect(before.first { $0.title == "Once" }?.durationSeconds == 3600)
        try await daemon.stop()
    }

    /// A newer version moves the series an hour later: the meeting is updated in place, what was shown
    /// is not shown again, what was done stays done, and the prep answers follow the occurrence.
    @Test func aNewerVersionMovesTheSeriesAndKeepsWhatWasDoneAndAnswered() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let first = try await daemon.importCalendar(text: CalendarFiles.calendar([Self.weekly()]))
        let id = try #require(first.meetingIds.first)
        // Purpose (3 days before) and Preparation (10:00 today) are late: one card at once.
        #expect(try await daemon.cards(of: watcher).map(\.steps) == [[.purpose, .preparation]])
        _ = try await daemon.call(
            RecordAnswers.self,
            .init(meetingId: id, step: .preparation, answers: [.init(step: .preparation, prompt: "Q", answer: "A")]))
        _ = try await daemon.call(MarkStepDone.self, .init(meetingId: id, step: .plan))
        let moved = try await daemon.importCalendar(
            text: CalendarFiles.calendar([Self.weekly(sequence: 1, start: "20360611T160000Z")]))
        #expect((moved.added, moved.updated, moved.meetingIds) == (0, 1, [id]))
        let later = wednesday.addingTimeInterval(3600)
        let meetings = try await daemon.call(ListMeetings.self, .init()).meetings
        #expect(meetings.map(\.id) == [id] && meetings.first?.start == RFC3339.utc(later), "updated in place")
        let prep = try await daemon.call(
            GetPrep.self, .init(meetingId: id, step: .preparation, occurrence: RFC3339.utc(later)))
        #expect(prep.answers.map(\.answer) == ["A"])
        #expect(
            try await daemon.states(of: id, at: later) == [
                .purpose: "delivered", .preparation: "done", .plan: "done",
            ])
        try await daemon.advance(to: later.addingTimeInterval(3600 + 16 * 60))
        let cards = try await daemon.cards(of: watcher)
        #expect(cards.map(\.steps) == [[.purpose, .preparation], [.participation], [.capture]], "nothing twice")
        #expect(cards.dropFirst().allSatisfy { $0.occurrence == RFC3339.utc(later) })
        // The same version again, and an older one, change nothing.
        let older = try await daemon.importCalendar(text: CalendarFiles.calendar([Self.weekly()]))
        #expect((older.updated, older.unchanged) == (0, 1))
        try await daemon.stop()
    }

    /// Overrides in a newer version: one occurrence moved and retitled (its answers go with it),
    /// one cancelled; the other occurrences stay.
    @Test func overridesMoveOrCancelSingleOccurrences() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let id = try #require(
            try await daemon.importCalendar(text: CalendarFiles.calendar([Self.weekly()])).meetingIds.first)
        let second = wednesday.addingTimeInterval(7 * 86_400)
        _ = try await daemon.call(
            RecordAnswers.self,
            .init(
                meetingId: id, step: .purpose, occurrence: RFC3339.utc(second),
                answers: [.init(step: .purpose, prompt: "Why", answer: "Roadmap")]))
        let version = CalendarFiles.calendar([
            Self.weekly(sequence: 1),
            [
                "UID:weekly-1@example.org", "SEQUENCE:2", "RECURRENCE-ID:20360618T150000Z",
                "SUMMARY:Weekly 1:1 (Thursday)",
                "DTSTART:20360619T090000Z", "DURATION:PT30M",
            ],
            [
                "UID:weekly-1@example.org", "SEQUENCE:2", "RECURRENCE-ID:20360625T150000Z", "STATUS:CANCELLED",
                "SUMMARY:Weekly 1:1", "DTSTART:20360625T150000Z", "DURATION:PT1H",
            ],
        ])
        let reply = try await daemon.importCalendar(text: version)
        #expect((reply.added, reply.updated) == (0, 1))
        let occurrences = try await daemon.upcoming(from: noon, days: 30)
        #expect(
            occurrences.map { "\($0.start) \($0.durationSeconds) \($0.title)" } == [
                "2036-06-11T15:00:00.000Z 3600 Weekly 1:1", "2036-06-19T09:00:00.000Z 1800 Weekly 1:1 (Thursday)",
                "2036-07-02T15:00:00.000Z 3600 Weekly 1:1",
            ])
        let moved = "2036-06-19T09:00:00.000Z"
        let prep = try await daemon.call(GetPrep.self, .init(meetingId: id, step: .purpose, occurrence: moved))
        #expect(prep.answers.map(\.answer) == ["Roadmap"])
        #expect(try await daemon.importCalendar(text: version).unchanged == 1)
        try await daemon.stop()
    }

    /// Your own decline (`[calendar] addresses`) skips an event, or cancels one occurrence of a series.
    @Test func skipsWhatYouDeclined() async throws {
        var configuration = InProcessDaemon.secondsConfiguration
        configuration.calendar.addresses = ["me@example.org"]
        let daemon = try await InProcessDaemon(now: noon, configuration: configuration)
        defer { daemon.remove() }
        let text = CalendarFiles.calendar([
            [
                "UID:allhands@example.org", "SUMMARY:All hands", "DTSTART:20360612T160000Z", "DURATION:PT1H",
                "ORGANIZER:mailto:lead@example.org", "ATTENDEE;PARTSTAT=DECLINED;CN=Me:mailto:Me@Example.org",
            ],
            Self.weekly() + ["ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.org"],
            [
                "UID:weekly-1@example.org", "RECURRENCE-ID:20360618T150000Z", "SUMMARY:Weekly 1:1",
                "DTSTART:20360618T150000Z", "DURATION:PT1H", "ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.org",
            ],
        ])
        let reply = try await daemon.importCalendar(text: text)
        #expect(reply.added == 1)
        #expect(reply.skipped.map { "\($0.title): \($0.reason)" } == ["All hands: declined by you"])
        #expect(reply.skipped.first?.start == "2036-06-12T16:00:00.000Z")
        let starts = try await daemon.upcoming(from: noon, days: 30).map(\.start)
        #expect(
            starts == ["2036-06-11T15:00:00.000Z", "2036-06-25T15:00:00.000Z", "2036-07-02T15:00:00.000Z"])
        try await daemon.stop()
    }

    /// Without --with, the partner is the relationship whose e-mail address the event names; an
    /// event naming two is ambiguous, one naming none has no partner.
    @Test func findsThePartnerByEmail() async throws {
        var configuration = InProcessDaemon.secondsConfiguration
        configuration.calendar.addresses = ["me@example.org"]
        let daemon = try await InProcessDaemon(now: noon, configuration: configuration)
        defer { daemon.remove() }
        _ = try await daemon.call(AddRelationship.self, .init(partner: "Sam", role: .mentee, email: "Sam@Example.org"))
        _ = try await daemon.call(AddRelationship.self, .init(partner: "Kim", role: .mentor))
        _ = try await daemon.call(UpdateRelationship.self, .init(partner: "Kim", email: "kim@example.org"))
        let taken = await daemon.refusal(UpdateRelationship.self, .init(partner: "Kim", email: "sam@example.org"))
        #expect(taken as? MentordError == .emailTaken(email: "sam@example.org", partner: "Sam"))
        let text = CalendarFiles.calendar([
            [
                "UID:one@example.org", "SUMMARY:With Sam", "DTSTART:20360612T090000Z", "DURATION:PT30M",
                "ORGANIZER:mailto:me@example.org", "ATTENDEE;PARTSTAT=ACCEPTED;EMAIL=sam@example.org:urn:uuid:1",
            ],
            [
                "UID:two@example.org", "SUMMARY:Both", "DTSTART:20360613T090000Z",
                "ATTENDEE:mailto:sam@example.org", "ATTENDEE:mailto:kim@example.org",
            ],
            ["UID:three@example.org", "SUMMARY:Dentist", "DTSTART:20360614T090000Z"],
        ])
        let reply = try await daemon.importCalendar(text: text, partner: nil)
        #expect(reply.added == 1)
        #expect(
            reply.skipped.map { "\($0.title): \($0.reason) \($0.detail)" } == [
                "Both: ambiguous partner Kim, Sam", "Dentist: no partner ",
            ])
        let meeting = try #require(try await daemon.call(ListMeetings.self, .init()).meetings.first)
        #expect((meeting.partner, meeting.role, meeting.title) == ("Sam", .mentee, "With Sam"))
        let shown = try await daemon.call(GetRelationship.self, .init(partner: "Sam"))
        #expect(shown.relationship.email == "sam@example.org")
        try await daemon.stop()
    }

    @Test func refusesAFileWhoseEventsHaveNoKnownPartner() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let path = try CalendarFiles.write(
            CalendarFiles.calendar([Self.weekly(), ["UID:x@example.org", "SUMMARY:Lunch", "DTSTART:20360612T110000Z"]]),
            as: "calendar.ics", in: daemon.directory)
        let error = await daemon.refusal(ImportCalendar.self, .init(path: path))
        guard case .partnersNeeded(let named, let events)? = error as? MentordError else {
            Issue.record("expected PartnersNeeded, got \(String(describing: error))")
            return
        }
        #expect(named == path)
        #expect(events.map(\.title) == ["Weekly 1:1", "Lunch"] && events.allSatisfy { $0.reason == "no partner" })
        #expect(try await daemon.call(ListMeetings.self, .init()).meetings.isEmpty)
        // A role without a partner, and a new partner without a role, are refused before reading.
        let roleOnly = await daemon.refusal(ImportCalendar.self, .init(path: path, role: .mentee))
        #expect(roleOnly as? VarlinkServiceError == .invalidParameter(parameter: "partner"))
        let newPartner = await daemon.refusal(ImportCalendar.self, .init(path: path, partner: "Noor"))
        #expect(newPartner as? MentordError == .roleRequired(partner: "Noor"))
        try await daemon.stop()
    }

    @Test func aDryRunSaysWhatWouldHappenAndWritesNothing() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let path = try CalendarFiles.write(CalendarFiles.calendar([Self.weekly()]), as: "a.ics", in: daemon.directory)
        let dry = try await daemon.importCalendar(path, dryRun: true)
        #expect((dry.added, dry.meetingIds) == (1, []))
        #expect(try await daemon.call(ListMeetings.self, .init()).meetings.isEmpty)
        #expect(try await daemon.call(ListRelationships.self, NoParameters()).relationships.isEmpty)
        _ = try await daemon.importCalendar(path)
        let changed = try CalendarFiles.write(
            CalendarFiles.calendar([Self.weekly(sequence: 1, start: "20360611T170000Z")]), as: "b.ics",
            in: daemon.directory)
        let before = try await daemon.call(ListMeetings.self, .init()).meetings
        #expect(try await daemon.importCalendar(changed, dryRun: true).updated == 1)
        #expect(try await daemon.call(ListMeetings.self, .init()).meetings == before)
        try await daemon.stop()
    }

    @Test func refusesUnreadableFilesAndChangesNothing() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let broken = try CalendarFiles.write(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VCALENDAR\r\n", as: "broken.ics", in: daemon.directory)
        let error = await daemon.refusal(ImportCalendar.self, .init(path: broken, partner: "Sam", role: .mentee))
        #expect(
            error as? MentordError
                == .calendarUnreadable(path: broken, reason: "line 4: END:VCALENDAR where END:VEVENT was expected"))
        let missing = daemon.directory.file("missing.ics")
        let gone = await daemon.refusal(ImportCalendar.self, .init(path: missing, partner: "Sam", role: .mentee))
        #expect(gone as? MentordError == .calendarUnreadable(path: missing, reason: "No such file or directory"))
        // Larger than 64 MiB: refused by its size, before a byte is read (the file is sparse).
        let large = daemon.directory.file("large.ics")
        #expect(FileManager.default.createFile(atPath: large, contents: nil))
        #expect(truncate(large, off_t(64 << 20) + 1) == 0)
        let tooLarge = await daemon.refusal(ImportCalendar.self, .init(path: large, partner: "Sam", role: .mentee))
        #expect(tooLarge as? MentordError == .calendarTooLarge(path: large, bytes: (64 << 20) + 1, limit: 64 << 20))
        let relative = await daemon.refusal(
            ImportCalendar.self, .init(path: "calendar.ics", partner: "Sam", role: .mentee))
        #expect(relative as? VarlinkServiceError == .invalidParameter(parameter: "path"))
        #expect(try await daemon.call(ListMeetings.self, .init(includePast: true)).meetings.isEmpty)
        #expect(try await daemon.call(ListRelationships.self, NoParameters()).relationships.isEmpty)
        try await daemon.stop()
    }

    /// An import of more meetings than the engine plans one by one is planned from one read: every
    /// one of them reminds.
    @Test func remindsForEveryMeetingOfALargeImport() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let first = noon.addingTimeInterval(86_400)
        func stamp(_ instant: Date) -> String {
            RFC3339.utc(instant).replacingOccurrences(of: ".000", with: "").filter { $0 != "-" && $0 != ":" }
        }
        let events = (0..<150).map { index in
            [
                "UID:bulk-\(index)@example.org", "SUMMARY:Bulk \(index)",
                "DTSTART:" + stamp(first.addingTimeInterval(TimeInterval(index * 60))), "DURATION:PT30M",
            ]
        }
        #expect(try await daemon.importCalendar(text: CalendarFiles.calendar(events)).added == 150)
        try await daemon.advance(to: first.addingTimeInterval(149 * 60 - 14 * 60))
        let participation = try await daemon.cards(of: watcher).filter { $0.steps.contains(.participation) }
        #expect(participation.count == 150)
        #expect(Set(participation.map(\.meetingId)).count == 150)
        try await daemon.stop()
    }

    /// An RDATE adds an occurrence to a series; the engine plans and reminds for it like any other.
    @Test func remindsForAnOccurrenceAnRdateAdds() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let added = noon.addingTimeInterval(3 * 86_400 - 2 * 3600)  // Friday 2036-06-13 10:00 UTC
        let reply = try await daemon.importCalendar(
            text: CalendarFiles.calendar([
                [
                    "UID:extra@example.org", "SUMMARY:Weekly 1:1", "DTSTART:20360611T150000Z", "DURATION:PT1H",
                    "RRULE:FREQ=WEEKLY;COUNT=2", "RDATE:20360613T100000Z",
                ],
                ["UID:dates-only@example.org", "SUMMARY:Dates", "DTSTART:20360611T150000Z", "RDATE:20360613T100000Z"],
            ]))
        #expect(reply.added == 1 && reply.skipped.map(\.reason) == ["RDATE without RRULE"])
        let starts = try await daemon.upcoming(from: noon, days: 30).map(\.start)
        #expect(starts == ["2036-06-11T15:00:00.000Z", RFC3339.utc(added), "2036-06-18T15:00:00.000Z"])
        try await daemon.advance(to: added.addingTimeInterval(-14 * 60))
        let cards = try await daemon.cards(of: watcher)
        let card = try #require(cards.last)
        #expect(card.steps == [.participation] && card.occurrence == RFC3339.utc(added), "\(cards)")
        try await daemon.stop()
    }
}
