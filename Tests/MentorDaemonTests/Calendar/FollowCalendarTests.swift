import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

@testable import MentorDaemon

/// Followed files and vdir folders through the whole daemon: real inotify on a temporary folder, a
/// manual clock for the reminders. A change in the calendar reaches the reminders by itself; an
/// event deleted there goes after two syncs; the calendar owns the times.
struct FollowCalendarTests {
    let noon = InProcessDaemon.tuesdayNoon
    /// Wednesday 2036-06-11 15:00 UTC, the next day.
    var wednesday: Date { noon.addingTimeInterval(27 * 3600) }

    static let standup = ["UID:standup@example.org", "SUMMARY:Standup", "DTSTART:20360612T090000Z", "DURATION:PT15M"]

    /// Replaces `path` the way vdirsyncer and editors do: a temporary file renamed over it.
    static func replace(_ path: String, with text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + ".tmp"))
        guard rename(path + ".tmp", path) == 0 else { throw POSIXError(.EIO) }
    }

    private func follow(_ daemon: InProcessDaemon, _ location: String, match: [String]? = nil) async throws
        -> AddCalendarSource.Reply
    {
        try await daemon.call(
            AddCalendarSource.self,
            .init(location: location, name: "work", partner: "Sam", role: .mentee, match: match))
    }

    /// How fast is the bench's (Benchmarks/calendars.py, vdir change to re-armed timer): here, that
    /// it comes by itself, on a machine however loaded.
    @Test func aMoveInAFollowedFileReachesTheRemindersByItself() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let path = try CalendarFiles.write(
            CalendarFiles.calendar([ImportCalendarTests.weekly()]), as: "work.ics", in: daemon.directory)
        let added = try await follow(daemon, path)
        #expect(added.source.kind == .file && (added.sync.ok, added.sync.added) == (true, 1))
        #expect(try await daemon.cards(of: watcher).map(\.steps) == [[.purpose, .preparation]])
        let later = wednesday.addingTimeInterval(3600)
        try Self.replace(
            path, with: CalendarFiles.calendar([ImportCalendarTests.weekly(sequence: 1, start: "20360611T160000Z")]))
        let moved = try await daemon.eventually {
            try await daemon.upcoming(from: noon, days: 2).map(\.start) == [RFC3339.utc(later)]
        }
        #expect(moved, "the move reached the meetings")
        // A file has no poll timer and nothing was synced by a call, so only inotify can have
        // brought the change.
        #expect(added.source.nextSync == nil, "a file is watched, never polled")
        try await daemon.advance(to: later.addingTimeInterval(3600 + 16 * 60))
        let cards = try await daemon.cards(of: watcher)
        #expect(
            cards.map(\.steps) == [[.purpose, .preparation], [.plan], [.participation], [.capture]], "nothing twice")
        #expect(cards.dropFirst().allSatisfy { $0.occurrence == RFC3339.utc(later) }, "at the new time only")
        try await daemon.stop()
    }

    @Test func theCalendarOwnsTheTimesOfItsMeetings() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let path = try CalendarFiles.write(
            CalendarFiles.calendar([ImportCalendarTests.weekly()]), as: "work.ics", in: daemon.directory)
        _ = try await follow(daemon, path)
        let id = try #require(try await daemon.call(ListMeetings.self, .init()).meetings.first?.id)
        let refused = await daemon.mentordError(UpdateMeeting.self, .init(id: id, start: "2036-06-11 17:00"))
        #expect(refused == .calendarOwnsMeeting(id: id, calendar: "work"))
        let moveRefused = await daemon.mentordError(
            MoveOccurrence.self, .init(id: id, occurrence: "2036-06-11 15:00", to: "2036-06-11 18:00"))
        #expect(moveRefused == .calendarOwnsMeeting(id: id, calendar: "work"))
        // What mentord owns stays the user's to change.
        let purpose = try await daemon.call(UpdateMeeting.self, .init(id: id, purpose: "Plan the talk"))
        #expect(purpose.meeting.purpose == "Plan the talk")
        let edit = try await daemon.ctl(["edit", "\(id)", "--at", "2036-06-11 17:00"])
        #expect(edit.status == 1)
        #expect(
            edit.stderr
                == "mentorctl: meeting \(id) comes from the calendar work, which owns its times and title: change it there\n"
        )
        try await daemon.stop()
    }

    @Test func aDeletedEventGoesAfterTwoSyncsAndItsHistoryStays() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let folder = daemon.directory.file("vdir")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.replace(folder + "/weekly.ics", with: CalendarFiles.calendar([ImportCalendarTests.weekly()]))
        try Self.replace(folder + "/standup.ics", with: CalendarFiles.calendar([Self.standup]))
        let added = try await follow(daemon, folder)
        #expect(added.source.kind == .vdir && added.sync.added == 2)
        let meetings = try await daemon.call(ListMeetings.self, .init()).meetings
        let weekly = try #require(meetings.first { $0.title == "Weekly 1:1" }?.id)
        _ = try await daemon.call(
            RecordAnswers.self,
            .init(
                meetingId: weekly, step: .preparation, answers: [.init(step: .preparation, prompt: "Q", answer: "A")]))
        try FileManager.default.removeItem(atPath: folder + "/weekly.ics")
        let first = try await daemon.eventually {
            try await daemon.call(ListCalendarSources.self, NoParameters()).sources.first?.matched == 1
        }
        #expect(first, "the watcher synced the deletion")
        #expect(
            try await daemon.call(GetMeeting.self, .init(id: weekly)).meeting.status == .scheduled, "one is not enough")
        let second = try await daemon.call(SyncCalendarSources.self, .init(name: "work")).syncs
        #expect(second.map(\.removed) == [1])
        let kept = try await daemon.call(GetMeeting.self, .init(id: weekly)).meeting
        #expect(kept.status == .cancelled, "kept for its answers, cancelled")
        let prep = try await daemon.call(
            GetPrep.self, .init(meetingId: weekly, step: .preparation, occurrence: RFC3339.utc(wednesday)))
        #expect(prep.answers.map(\.answer) == ["A"])
        try await daemon.stop()
    }

    /// A CalDAV server without sync-collection is asked for a window of time, so a meeting held
    /// before the window is simply not listed any more: it stays as it was, history and all. Only
    /// an event with an occurrence still to come can be gone from its calendar.
    @Test func aHeldMeetingTheCalendarNoLongerListsStays() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let folder = daemon.directory.file("vdir")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.replace(folder + "/standup.ics", with: CalendarFiles.calendar([Self.standup]))
        // A series still listed, so the calendar is not empty (an empty one is never believed).
        try Self.replace(folder + "/weekly.ics", with: CalendarFiles.calendar([ImportCalendarTests.weekly()]))
        #expect(try await follow(daemon, folder).sync.added == 2)
        let meetings = try await daemon.call(ListMeetings.self, .init()).meetings
        let standup = try #require(meetings.first { $0.title == "Standup" }?.id)
        // Thursday 2036-06-12 09:15 UTC, the standup's end, then a day later.
        try await daemon.jump(to: noon.addingTimeInterval(2 * 86_400))
        try FileManager.default.removeItem(atPath: folder + "/standup.ics")
        for _ in 0..<3 {
            let syncs = try await daemon.call(SyncCalendarSources.self, .init(name: "work")).syncs
            #expect(syncs.map(\.removed) == [0] && syncs.map(\.ok) == [true], "\(syncs)")
        }
        let kept = try await daemon.call(GetMeeting.self, .init(id: standup)).meeting
        #expect(kept.status == .scheduled, "held, not cancelled or deleted")
        try await daemon.stop()
    }

    @Test func eventsNoRuleMatchesAreListedAndNotStored() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let path = try CalendarFiles.write(
            CalendarFiles.calendar([ImportCalendarTests.weekly(extra: ["CATEGORIES:Work,Mentoring"]), Self.standup]),
            as: "work.ics",
            in: daemon.directory)
        let added = try await follow(daemon, path, match: ["category:mentoring"])
        #expect((added.sync.added, added.sync.ignored) == (1, 1))
        #expect(try await daemon.call(ListMeetings.self, .init()).meetings.map(\.title) == ["Weekly 1:1"])
        let shown = try await daemon.call(GetCalendarSource.self, .init(name: "WORK"))
        #expect(shown.unmatched.map { "\($0.title): \($0.reason)" } == ["Standup: no rule matched"])
        let bad = await daemon.mentordError(
            AddCalendarSource.self, .init(location: path, name: "other", match: ["colour:red"]))
        guard case .invalidMatchRule(let rule, _)? = bad else {
            Issue.record("not refused: \(String(describing: bad))")
            return
        }
        #expect(rule == "colour:red")
        let shownByCtl = try await daemon.ctl(["calendar", "show", "work", "--unmatched"])
        #expect(shownByCtl.stdout.contains("  2036-06-12 09:00  Standup: no rule matched\n"))
        try await daemon.stop()
    }

    @Test func aCalendarOfTheConfigurationFileIsFollowedAndOnlyTheFileRemovesIt() async throws {
        let directory = try TemporaryDirectory()
        let path = try CalendarFiles.write(
            CalendarFiles.calendar([ImportCalendarTests.weekly()]), as: "team.ics", in: directory)
        var configuration = InProcessDaemon.secondsConfiguration
        configuration.calendar = try DaemonConfiguration.parse(
            """
            [calendar.team]
            location = "\(path)"
            with = "Sam"
            role = "mentee"
            """, path: "config.toml"
        ).calendar
        let daemon = try await InProcessDaemon(now: noon, configuration: configuration, in: directory)
        defer { daemon.remove() }
        let synced = try await daemon.eventually {
            try await daemon.call(ListCalendarSources.self, NoParameters()).sources.first?.meetings == 1
        }
        #expect(synced)
        let source = try #require(try await daemon.call(ListCalendarSources.self, NoParameters()).sources.first)
        #expect((source.name, source.kind, source.fromConfig, source.partner) == ("team", .file, true, "Sam"))
        let refused = await daemon.mentordError(RemoveCalendarSource.self, .init(name: "team"))
        #expect(refused == .calendarInConfiguration(name: "team"))
        try await daemon.stop()
    }
}

extension InProcessDaemon {
    /// Whether `condition` holds within `seconds`, asked every 20 ms: for what a watcher does on its
    /// own, which no call can wait for. The deadline only ends a wait that failed: it is far above
    /// what a loaded machine takes (a sync is milliseconds).
    func eventually(within seconds: Double = 60, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }
}
