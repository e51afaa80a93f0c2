import Foundation
import MentorCore
import MentorStore
import Testing

/// The ledger's claims, against a real database file.
struct ReminderLedgerStoreTests {
    /// The race the reliability probe found (Benchmarks/probe/move_race.py): the engine reads a
    /// meeting, a move commits and carries the ledger to the new start, the engine reads the ledger
    /// and finds no entries at the old start, so every passed step there looks pending. Its claim
    /// must be refused, or the steps already delivered go out again for an occurrence that is gone.
    @Test func aCardPlannedFromAMeetingThatMovedSinceIsRefused() async throws {
        let fixture = try StoreFixture()
        let ledger = ReminderLedgerStore(database: fixture.database)
        let before = try await fixture.meeting(inHours: 1)
        let card = ReminderCard(
            meetingID: before.id, occurrence: before.start, steps: [.purpose, .preparation],
            dueAt: fixture.now, late: true)
        #expect(try await ledger.claim(card, of: before, now: fixture.now))
        try await ledger.markDelivered(card, now: fixture.now)

        let moved = try await fixture.store.update(
            id: before.id, changes: MeetingChanges(start: before.start.addingTimeInterval(1)), now: fixture.now,
            carry: StoreFixture.keepEverything)
        #expect(try await ledger.entries(meetingID: before.id, occurrence: before.start).isEmpty)
        #expect(try await !ledger.claim(card, of: before, now: fixture.now), "planned from the meeting before the move")
        #expect(
            try await !ledger.record([.plan], as: .missed, of: before, occurrence: before.start, now: fixture.now),
            "a fate decided from the meeting before the move")
        #expect(try await ledger.entries(meetingID: before.id, occurrence: before.start).isEmpty)

        let carried = try await ledger.entries(meetingID: moved.id, occurrence: moved.start)
        #expect(carried[.purpose]?.state == .delivered && carried[.preparation]?.state == .delivered)
        let plan = ReminderCard(
            meetingID: moved.id, occurrence: moved.start, steps: [.plan], dueAt: fixture.now, late: false)
        #expect(try await ledger.claim(plan, of: moved, now: fixture.now), "planned from the meeting as it is")
    }

    @Test func aCardOfADeletedMeetingIsRefused() async throws {
        let fixture = try StoreFixture()
        let ledger = ReminderLedgerStore(database: fixture.database)
        let meeting = try await fixture.meeting(inHours: 1)
        try await fixture.store.delete(id: meeting.id)
        let card = ReminderCard(
            meetingID: meeting.id, occurrence: meeting.start, steps: [.purpose], dueAt: fixture.now, late: false)
        #expect(try await !ledger.claim(card, of: meeting, now: fixture.now))
    }
}
