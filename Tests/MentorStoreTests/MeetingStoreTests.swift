import Foundation
import GRDB
import MentorCore
import MentorTestSupport
import Testing

@testable import MentorStore

struct MeetingStoreTests {
    @Test func storesAndReadsBackAMeetingToTheMillisecond() async throws {
        let fixture = try StoreFixture()
        var draft = try fixture.draft()
        draft.start = Date(millisecondsSince1970: 1_796_119_200_123)
        let added = try await fixture.store.add(draft, now: fixture.now)
        let read = try await fixture.store.meeting(id: added.id)
        #expect(read == added)
        #expect(read.start == Date(millisecondsSince1970: 1_796_119_200_123))
        #expect(read.timeZone.identifier == "Europe/Berlin")
        #expect(read.relationship.partner == "Sam" && read.relationship.role == .mentee)
        #expect(read.status == .scheduled && read.createdAt == fixture.now)
    }

    @Test func findsRelationshipsByPartnerCaseInsensitively() async throws {
        let fixture = try StoreFixture()
        let first = try await fixture.store.add(try fixture.draft(with: "Sam"), now: fixture.now)
        let second = try await fixture.store.add(try fixture.draft(with: "sam", role: nil), now: fixture.now)
        #expect(first.relationship.id == second.relationship.id)
        #expect(try await fixture.store.counts(now: fixture.now).relationships == 1)
    }

    @Test func needsARoleForANewPartnerAndForAnAmbiguousOne() async throws {
        let fixture = try StoreFixture()
        await #expect(throws: StoreError.roleRequired(partner: "Bob")) {
            try await fixture.store.add(try fixture.draft(with: "Bob", role: nil), now: fixture.now)
        }
        _ = try await fixture.store.add(try fixture.draft(with: "Sam", role: .mentee), now: fixture.now)
        _ = try await fixture.store.add(try fixture.draft(with: "Sam", role: .mentor), now: fixture.now)
        await #expect(throws: StoreError.ambiguousPartner(partner: "Sam")) {
            try await fixture.store.add(try fixture.draft(with: "Sam", role: nil), now: fixture.now)
        }
        #expect(try await fixture.store.counts(now: fixture.now).meetings == 2)
    }

    @Test func updatesOnlyWhatChangesAndMovesBetweenRelationships() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.store.add(try fixture.draft(), now: fixture.now)
        let later = fixture.now.addingTimeInterval(60)
        let updated = try await fixture.store.update(
            id: meeting.id, changes: MeetingChanges(title: "Renamed", durationSeconds: 1800), now: later,
            carry: StoreFixture.keepEverything)
        #expect(updated.title == "Renamed" && updated.durationSeconds == 1800)
        #expect(updated.start == meeting.start && updated.createdAt == meeting.createdAt && updated.updatedAt == later)
        let moved = try await fixture.store.update(
            id: meeting.id, changes: MeetingChanges(partner: "Ana", role: .mentor), now: later,
            carry: StoreFixture.keepEverything)
        #expect(moved.relationship.partner == "Ana" && moved.relationship.role == .mentor)
        await #expect(throws: MeetingValidationError.emptyText(field: "title")) {
            try await fixture.store.update(
                id: meeting.id, changes: MeetingChanges(title: " "), now: later, carry: StoreFixture.keepEverything)
        }
        #expect(try await fixture.store.meeting(id: meeting.id).title == "Renamed", "a refused edit changes nothing")
    }

    @Test func cancelsOnceAndDeletesForGood() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.store.add(try fixture.draft(), now: fixture.now)
        #expect(try await fixture.store.cancel(id: meeting.id, now: fixture.now).status == .cancelled)
        await #expect(throws: StoreError.alreadyCancelled(id: meeting.id)) {
            try await fixture.store.cancel(id: meeting.id, now: fixture.now)
        }
        try await fixture.store.delete(id: meeting.id)
        await #expect(throws: StoreError.noSuchMeeting(id: meeting.id)) {
            try await fixture.store.meeting(id: meeting.id)
        }
        await #expect(throws: StoreError.noSuchMeeting(id: meeting.id)) {
            try await fixture.store.delete(id: meeting.id)
        }
        await #expect(throws: StoreError.noSuchMeeting(id: 999)) {
            try await fixture.store.update(
                id: 999, changes: MeetingChanges(title: "x"), now: fixture.now, carry: StoreFixture.keepEverything)
        }
    }

    @Test func neverReusesTheIdOfADeletedMeeting() async throws {
        let fixture = try StoreFixture()
        let first = try await fixture.store.add(try fixture.draft(), now: fixture.now)
        try await fixture.store.delete(id: first.id)
        let second = try await fixture.store.add(try fixture.draft(), now: fixture.now)
        #expect(second.id > first.id)
    }

    @Test func listsUpcomingScheduledMeetingsByDefault() async throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let past = try await store.add(try fixture.draft("Past", inHours: -3, minutes: 60), now: fixture.now)
        let running = try await store.add(try fixture.draft("Running", inHours: -0.5, minutes: 60), now: fixture.now)
        let later = try await store.add(try fixture.draft("Later", inHours: 48), now: fixture.now)
        let soon = try await store.add(
            try fixture.draft("Soon", with: "Ana", role: .mentor, inHours: 2), now: fixture.now)
        let cancelled = try await store.cancel(
            id: try await store.add(try fixture.draft("Off", inHours: 5), now: fixture.now).id, now: fixture.now)

        let upcoming = try await store.meetings(MeetingQuery(), now: fixture.now)
        #expect(upcoming.map(\.id) == [running.id, soon.id, later.id])
        let everything = try await store.meetings(
            MeetingQuery(includePast: true, includeCancelled: true), now: fixture.now)
        #expect(everything.map(\.id) == [past.id, running.id, soon.id, cancelled.id, later.id])
        let withAna = try await store.meetings(MeetingQuery(partner: "ANA"), now: fixture.now)
        #expect(withAna.map(\.id) == [soon.id])
        #expect(try await store.meetings(MeetingQuery(limit: 1), now: fixture.now).map(\.id) == [running.id])
        let counts = try await store.counts(now: fixture.now)
        #expect(counts == StoreCounts(meetings: 5, upcomingMeetings: 3, relationships: 2))
    }

    @Test func plansWhatCanRemindAndNothingFromThePast() async throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let after = fixture.now.addingTimeInterval(-3600)
        let before = fixture.now.addingTimeInterval(38 * 86_400)
        func add(_ title: String, inHours hours: Double, minutes: Int = 45, rule: String? = nil) async throws -> Meeting
        {
            var draft = try fixture.draft(title, inHours: hours, minutes: minutes)
            draft.recurrence = try rule.map { try Recurrence.parse($0) }
            return try await store.add(draft, now: fixture.now)
        }
        _ = try await add("Ended before the window", inHours: -3)
        // Lasts a day and started 36 s less than a day before `after`: just inside the earliest
        // start a single meeting still running at `after` can have.
        let allDay = try await add("Still running", inHours: -24.99, minutes: 24 * 60)
        let near = try await add("Near", inHours: 48)
        _ = try await add("Beyond the window", inHours: 24 * 40)
        let oldSeries = try await add("Weekly since last year", inHours: -24 * 365, rule: "FREQ=WEEKLY")
        _ = try await add("Series starting later", inHours: 24 * 60, rule: "FREQ=WEEKLY")
        let moved = try await add("Series with a moved first occurrence", inHours: 24 * 50, rule: "FREQ=WEEKLY")
        _ = try await store.changeOccurrence(
            meetingID: moved.id, occurrence: moved.start, movedTo: fixture.now.addingTimeInterval(5 * 86_400),
            now: fixture.now, carry: StoreFixture.keepEverything)
        _ = try await store.cancel(id: try await add("Cancelled", inHours: 5).id, now: fixture.now)

        let planned = try await store.plannable(endingAfter: after, startingBy: before)
        #expect(Set(planned.map(\.id)) == [allDay.id, near.id, oldSeries.id, moved.id])
        #expect(planned.first { $0.id == moved.id }?.exceptions.isEmpty == false)
    }

    @Test func plansFromIndexesWithoutScanningEveryMeeting() throws {
        let fixture = try StoreFixture()
        let request = MeetingStore.plannableRequest(endingAfter: fixture.now, startingBy: fixture.now)
        let queue = try DatabaseQueue(path: fixture.path)
        defer { try? queue.close() }
        let plan = try queue.read { db in
            let statement = try request.makePreparedRequest(db).statement
            return try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.hasPrefix("SEARCH meeting USING INDEX meeting_by_start") }, "\(plan)")
        #expect(plan.contains { $0.hasPrefix("SEARCH meeting USING INDEX meeting_series") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN meeting") }, "\(plan)")
    }

    @Test func countsChangeWhenTheFirstUpcomingMeetingEnds() async throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        #expect(try await store.countsAndExpiry(now: fixture.now).changesAt == nil)
        _ = try await store.add(try fixture.draft("Over", inHours: -3, minutes: 60), now: fixture.now)
        // The first meeting not over yet, by start, lasts a day: a later one ends first.
        _ = try await store.add(try fixture.draft("All day", inHours: -1, minutes: 24 * 60), now: fixture.now)
        _ = try await store.add(try fixture.draft("Short", inHours: 2, minutes: 60), now: fixture.now)
        _ = try await store.add(try fixture.draft("Next week", inHours: 24 * 7), now: fixture.now)
        _ = try await store.cancel(
            id: try await store.add(try fixture.draft("Off", inHours: 0.1, minutes: 5), now: fixture.now).id,
            now: fixture.now)
        var series = try fixture.draft("Weekly", inHours: -0.5, minutes: 10)
        series.recurrence = try Recurrence.parse("FREQ=WEEKLY")
        _ = try await store.add(series, now: fixture.now)

        let (counts, changesAt) = try await store.countsAndExpiry(now: fixture.now)
        #expect(counts == StoreCounts(meetings: 6, upcomingMeetings: 4, relationships: 1))
        #expect(changesAt == fixture.now.addingTimeInterval(3 * 3600))
    }
}
