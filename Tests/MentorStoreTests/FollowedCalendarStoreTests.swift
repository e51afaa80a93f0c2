import Foundation
import MentorCore
import MentorStore
import Testing

/// Followed calendars in the store: their events are removed only after two successful syncs agree,
/// never by a failed or empty one; removing a calendar keeps the meetings that hold history; the same
/// event in two calendars is one meeting.
struct FollowedCalendarStoreTests {
    let fixture: StoreFixture
    let sources: CalendarSourceStore
    let imports: CalendarImportStore

    init() throws {
        fixture = try StoreFixture()
        sources = CalendarSourceStore(database: fixture.database)
        imports = CalendarImportStore(database: fixture.database)
    }

    private func event(_ uid: String, inHours hours: Double = 48) -> ImportedEvent {
        ImportedEvent(
            uid: uid, partner: "Sam", role: .mentee, title: "1:1 \(uid)",
            start: fixture.now.addingTimeInterval(hours * 3600), timeZone: fixture.berlin, durationSeconds: 3600)
    }

    private func follow(_ name: String = "work") async throws -> FollowedCalendar {
        try await sources.add(
            FollowedCalendar(name: name, kind: .vdir, location: "/tmp/\(name)", partner: "Sam", role: .mentee),
            now: fixture.now)
    }

    private func sync(
        _ calendar: FollowedCalendar, _ events: [ImportedEvent], present: Set<String>? = nil, empty: Bool = false
    ) async throws -> CalendarImportStore.Result {
        try await imports.apply(
            events, dryRun: false, now: fixture.now, limit: .max, carry: StoreFixture.keepEverything,
            source: calendar.id, present: present ?? Set(events.map(\.uid)), calendarIsEmpty: empty)
    }

    private func meetingTitles() async throws -> [String] {
        try await fixture.store.meetings(MeetingQuery(includeCancelled: true), now: fixture.now).map(\.title).sorted()
    }

    @Test func anEventIsRemovedOnlyWhenTwoSyncsInARowLackIt() async throws {
        let calendar = try await follow()
        _ = try await sync(calendar, [event("a"), event("b")])
        let first = try await sync(calendar, [event("a")])
        #expect((first.removed, first.awaitingRemoval) == (0, 1))
        #expect(try await meetingTitles() == ["1:1 a", "1:1 b"], "one sync is not enough")
        let second = try await sync(calendar, [event("a")])
        #expect((second.removed, second.awaitingRemoval) == (1, 0))
        #expect(try await meetingTitles() == ["1:1 a"])
    }

    @Test func anEventThatComesBackStartsCountingAgain() async throws {
        let calendar = try await follow()
        _ = try await sync(calendar, [event("a"), event("b")])
        _ = try await sync(calendar, [event("a")])
        _ = try await sync(calendar, [event("a"), event("b")])
        let again = try await sync(calendar, [event("a")])
        #expect((again.removed, again.awaitingRemoval) == (0, 1), "the earlier absence no longer counts")
        #expect(try await meetingTitles() == ["1:1 a", "1:1 b"])
    }

    @Test func aSyncThatCouldNotReadEverythingOrFoundNothingNeverRemoves() async throws {
        let calendar = try await follow()
        _ = try await sync(calendar, [event("a"), event("b")])
        for _ in 0..<3 {
            // Some item unreadable: the follower passes no presence.
            _ = try await imports.apply(
                [event("a")], dryRun: false, now: fixture.now, limit: .max, carry: StoreFixture.keepEverything,
                source: calendar.id, present: nil)
            let empty = try await sync(calendar, [], present: [], empty: true)
            #expect(empty.emptyIgnored && empty.removed == 0)
        }
        #expect(try await meetingTitles() == ["1:1 a", "1:1 b"])
    }

    private struct NotAdded: Error {}

    /// A followed calendar of events a and b, and the meeting of a with a prep answer.
    private func followedWithAnswers() async throws -> (FollowedCalendar, Int64) {
        let calendar = try await follow()
        let added = try await sync(calendar, [event("a"), event("b")])
        guard case .added(let id?) = added.outcomes[0] else { throw NotAdded() }
        try await fixture.answers.record(
            meetingID: id, occurrence: event("a").start, step: .preparation, answers: [("Q", "A")], now: fixture.now)
        return (calendar, id)
    }

    @Test func aRemovedEventWithAnswersIsCancelledAndKeptNotDeleted() async throws {
        let (calendar, id) = try await followedWithAnswers()
        _ = try await sync(calendar, [event("b")])
        _ = try await sync(calendar, [event("b")])
        let kept = try await fixture.store.meeting(id: id)
        #expect(kept.status == .cancelled)
        #expect(try await sources.owner(ofMeeting: id) == nil, "no longer the calendar's")
    }

    @Test func removingACalendarDeletesItsMeetingsAndKeepsThoseWithHistory() async throws {
        let id = try await followedWithAnswers().1
        #expect(try await sources.owner(ofMeeting: id) == "work")
        let removal = try await sources.remove(named: "WORK", now: fixture.now)
        #expect((removal.deleted, removal.kept) == (1, 1))
        #expect(try await meetingTitles() == ["1:1 a"])
        #expect(try await fixture.answers.answers(meetingID: id, occurrence: event("a").start).count == 1)
        #expect(try await sources.list().isEmpty)
    }

    @Test func theSameEventInTwoCalendarsIsOneMeeting() async throws {
        let work = try await follow("work")
        let shared = try await follow("shared")
        _ = try await sync(work, [event("a")])
        let second = try await sync(shared, [event("a")])
        guard case .heldElsewhere(_, let other) = second.outcomes[0] else {
            Issue.record("added twice: \(second.outcomes)")
            return
        }
        #expect(other == "work")
        #expect(try await meetingTitles() == ["1:1 a"])
    }

    @Test func namesAreUniqueInAnyCaseAndTheConfigurationOwnsItsCalendars() async throws {
        _ = try await follow("Work")
        await #expect(throws: StoreError.calendarExists(name: "work")) { _ = try await follow("work") }
        try await sources.reconcile(
            configured: [
                FollowedCalendar(name: "team", kind: .file, location: "/tmp/team.ics", fromConfig: true)
            ], now: fixture.now)
        await #expect(throws: StoreError.calendarInConfiguration(name: "team")) {
            _ = try await sources.remove(named: "team", now: fixture.now)
        }
        try await sources.reconcile(configured: [], now: fixture.now)
        #expect(try await sources.list().map(\.name) == ["Work"], "gone from the file, gone from the store")
    }
}
