import Foundation
import MentorCore
import MentorStore
import MentorTestSupport
import Testing

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
}
