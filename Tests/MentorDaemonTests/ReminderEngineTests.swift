import Foundation
import Logging
import MentorCore
import MentorProtocol
import MentorStore
import MentorTestSupport
import NIOConcurrencyHelpers
import Testing

@testable import MentorDaemon

/// A clock the test moves by hand: steps forward and back, as NTP or a resume would.
final class ManualClock: WallClock {
    private let current: NIOLockedValueBox<Date>

    init(_ start: Date) {
        current = NIOLockedValueBox(start)
    }

    func now() -> Date { current.withLockedValue { $0 } }

    func set(_ date: Date) { current.withLockedValue { $0 = date } }
}

/// The engine in-process on a real database, driven by a manual clock: what the daemon does when
/// the timerfd reports a clock step, and when a deadline passes during suspend.
struct ReminderEngineTests {
    let start = Date(timeIntervalSince1970: 2_100_000_000)  // in 2036, far from the real clock

    /// No desktop, journal or hook: the test reads the subscribers' stream.
    static let subscribersOnly: ChannelSettings = {
        var settings = ChannelSettings()
        settings.desktop = false
        settings.journal = false
        return settings
    }()

    private func fixture() async throws -> (
        ReminderEngine, MeetingStore, ManualClock, AsyncStream<Wire.Reminder>, TemporaryDirectory
    ) {
        let directory = try TemporaryDirectory()
        let database = try MentorDatabase(path: directory.file("db.sqlite3"))
        let clock = ManualClock(start.addingTimeInterval(-10 * 86_400))
        let broadcaster = ReminderBroadcaster()
        let stream = broadcaster.subscribe()
        var policy = ReminderPolicy.standard
        policy.quietHours = nil
        policy.workingDays = Set(1...7)
        policy.mergeWithinSeconds = 0
        let stores = MentoringStores(database: database)
        let meetings = stores.meetings
        let engine = ReminderEngine(
            stores: stores, ledger: ReminderLedgerStore(database: database), policy: policy, clock: clock,
            channels: ReminderChannels(
                settings: Self.subscribersOnly, broadcaster: broadcaster, logger: Logger(label: "test")),
            logger: Logger(label: "test")
        ) { _ in }
        await engine.start(timerQueue: DispatchQueue(label: "test.timer"))
        return (engine, meetings, clock, stream, directory)
    }

    private func add(_ meetings: MeetingStore, _ engine: ReminderEngine, clock: ManualClock) async throws -> Meeting {
        let draft = try MeetingDraft(
            title: "Career chat", partner: "Sam", role: .mentee, start: start, timeZone: TimeZone(identifier: "UTC")!,
            durationSeconds: 3600)
        let meeting = try await meetings.add(draft, now: clock.now())
        await engine.meetingChanged(meeting.id)
        return meeting
    }

    private func next(_ stream: AsyncStream<Wire.Reminder>) async -> Wire.Reminder? {
        var iterator = stream.makeAsyncIterator()
        return await iterator.next()
    }

    @Test func sendsADigestWhenTheClockJumpsForwardPastSteps() async throws {
        let (engine, meetings, clock, stream, directory) = try await fixture()
        defer { directory.remove() }
        _ = try await add(meetings, engine, clock: clock)
        #expect(await engine.nextReminder()?.reminder.steps == ["purpose"])
        // The clock is set forward to 90 minutes before the start: Purpose, Preparation and Plan passed.
        clock.set(start.addingTimeInterval(-90 * 60))
        await engine.replanAll()
        let card = await next(stream)
        #expect(card?.steps == ["purpose", "preparation", "plan"] && card?.late == true)
        #expect(await engine.nextReminder()?.reminder.steps == ["participation"])
    }

    /// A meeting 60 days ahead has no step inside the planning window yet: the engine still arms
    /// for the moment its occurrence enters the window, so a daemon that runs for weeks reminds.
    @Test func wakesForAMeetingBeyondThePlanningWindowWhenItEntersIt() async throws {
        let (engine, meetings, clock, _, directory) = try await fixture()
        defer { directory.remove() }
        let far = start.addingTimeInterval(50 * 86_400)
        let meeting = try await meetings.add(
            try MeetingDraft(
                title: "Far", partner: "Sam", role: .mentee, start: far, timeZone: TimeZone(identifier: "UTC")!,
                durationSeconds: 3600),
            now: clock.now())
        await engine.meetingChanged(meeting.id)
        #expect(await engine.nextDeadline() == far.addingTimeInterval(-ReminderEngine.planningWindow))
        clock.set(far.addingTimeInterval(-ReminderEngine.planningWindow))
        await engine.meetingChanged(meeting.id)
        #expect(await engine.nextReminder()?.reminder.steps == ["purpose"])
    }

    /// Meetings already stored beyond the planning window are not read by a full re-plan; the
    /// engine wakes when the first of them comes into the window, plans it, and arms for the next.
    @Test func plansStoredMeetingsBeyondTheWindowAsTheyComeNear() async throws {
        let (engine, meetings, clock, _, directory) = try await fixture()
        defer { directory.remove() }
        let utc = TimeZone(identifier: "UTC")!
        let first = start.addingTimeInterval(50 * 86_400)
        let second = start.addingTimeInterval(80 * 86_400)
        for (title, at) in [("First", first), ("Second", second)] {
            _ = try await meetings.add(
                try MeetingDraft(
                    title: title, partner: "Sam", role: .mentee, start: at, timeZone: utc, durationSeconds: 3600),
                now: clock.now())
        }
        // As at start-up: both meetings were stored before the engine planned.
        await engine.replanAll()
        #expect(await engine.nextReminder() == nil)
        #expect(await engine.nextDeadline() == first.addingTimeInterval(-ReminderEngine.planningWindow))
        clock.set(first.addingTimeInterval(-ReminderEngine.planningWindow))
        await engine.timerFired()
        #expect(await engine.nextReminder()?.reminder.title == "First")
        clock.set(second.addingTimeInterval(-ReminderEngine.planningWindow))
        await engine.timerFired()
        let upcoming = try await engine.upcoming(
            from: clock.now(), through: clock.now().addingTimeInterval(ReminderEngine.planningWindow), limit: 10)
        #expect(upcoming.map(\.title) == ["First", "Second"])
        #expect(await engine.nextDeadline() != nil)
    }

    @Test func recordsMissedStepsWhenResumingAfterTheStart() async throws {
        let (engine, meetings, clock, stream, directory) = try await fixture()
        defer { directory.remove() }
        let meeting = try await add(meetings, engine, clock: clock)
        // Asleep across the start; awake 20 minutes into the meeting: nothing before it is sent,
        // and the capture nudge is still ahead.
        clock.set(start.addingTimeInterval(20 * 60))
        await engine.replanAll()
        #expect(await engine.nextReminder()?.reminder.steps == ["capture"])
        let ledger = try await ReminderLedgerStore(database: try MentorDatabase(path: directory.file("db.sqlite3")))
            .entries(meetingID: meeting.id, occurrence: start)
        #expect(
            Set(ledger.filter { $0.value.state == .missed }.keys) == [.purpose, .preparation, .plan, .participation])
        _ = stream
    }

    @Test func rearmsForTheLaterTimeWhenTheClockJumpsBack() async throws {
        let (engine, meetings, clock, _, directory) = try await fixture()
        defer { directory.remove() }
        _ = try await add(meetings, engine, clock: clock)
        clock.set(start.addingTimeInterval(-90 * 60))
        await engine.replanAll()
        // Back by a week: the steps already delivered stay delivered (exactly once), nothing re-fires.
        clock.set(start.addingTimeInterval(-7 * 86_400))
        await engine.replanAll()
        #expect(await engine.nextReminder()?.reminder.steps == ["participation"])
    }
}
