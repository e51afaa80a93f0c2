import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

@testable import MentorDaemon

/// Followed CalDAV collections against a real server: Radicale on 127.0.0.1, written to by the test
/// as another CalDAV client would, and a server that misbehaves. The reminders run on a manual clock
/// pinned in 2036; every change must reach them after one sync, and nothing may appear twice.
struct CalDAVFollowTests {
    let noon = InProcessDaemon.tuesdayNoon

    /// Starts and titles of the next four weeks, in order.
    private func agenda(_ daemon: InProcessDaemon) async throws -> [String] {
        try await daemon.upcoming(from: noon, days: 28).map(Self.line)
    }

    /// `2036-06-11T15:00:00Z Weekly 1:1`.
    static func line(_ occurrence: Wire.Occurrence) -> String {
        "\(occurrence.start.replacingOccurrences(of: ".000Z", with: "Z")) \(occurrence.title)"
    }

    private func syncNow(_ daemon: InProcessDaemon) async throws -> Wire.CalendarSync {
        try #require(try await daemon.call(SyncCalendarSources.self, .init(name: "work")).syncs.first)
    }

    /// The weekly series of four at `time`, as the calendar writes it at `sequence`.
    static func weekly(at time: String, sequence: Int) -> [String] {
        ImportCalendarTests.weekly(sequence: sequence, start: time)
    }

    /// The override that cancels the occurrence of 18 June, as Google, Nextcloud and Thunderbird write it.
    static let cancelledSecond = [
        "UID:weekly-1@example.org", "SEQUENCE:2", "SUMMARY:Weekly 1:1", "RECURRENCE-ID:20360618T160000Z",
        "DTSTART:20360618T160000Z", "DURATION:PT1H", "STATUS:CANCELLED",
    ]

    @Test func createMoveCancelSplitAndDeleteEachReachTheRemindersAfterOneSync() async throws {
        let radicale = try await LoopbackServer.radicale()
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let collection = try await radicale.makeCalendar("work")
        try await radicale.put(
            collection + "weekly.ics", CalendarFiles.calendar([Self.weekly(at: "20360611T150000Z", sequence: 0)]))
        let added = try await daemon.call(
            AddCalendarSource.self,
            .init(location: collection, name: "work", partner: "Sam", role: .mentee))
        #expect(added.source.kind == .caldav && (added.sync.ok, added.sync.added) == (true, 1))
        let weeks = ["06-11", "06-18", "06-25", "07-02"]
        #expect(try await agenda(daemon) == weeks.map { "2036-\($0)T15:00:00Z Weekly 1:1" })

        // Create.
        try await radicale.put(
            collection + "review.ics",
            CalendarFiles.calendar([
                ["UID:review@example.org", "SUMMARY:Design review", "DTSTART:20360612T100000Z", "DURATION:PT30M"]
            ]))
        var sync = try await syncNow(daemon)
        #expect((sync.ok, sync.added, sync.unchanged) == (true, 1, 1))
        #expect(try await agenda(daemon).contains("2036-06-12T10:00:00Z Design review"))

        // Move the whole series an hour later.
        try await radicale.put(
            collection + "weekly.ics", CalendarFiles.calendar([Self.weekly(at: "20360611T160000Z", sequence: 1)]))
        sync = try await syncNow(daemon)
        #expect((sync.updated, sync.added) == (1, 0))
        let moved = try await daemon.upcoming(from: noon, days: 28).filter { $0.title == "Weekly 1:1" }
        #expect(moved.map(Self.line) == weeks.map { "2036-\($0)T16:00:00Z Weekly 1:1" })
        #expect(moved.allSatisfy { !$0.reminders.isEmpty }, "reminders planned for the new times")

        // Cancel one occurrence.
        try await radicale.put(
            collection + "weekly.ics",
            CalendarFiles.calendar([Self.weekly(at: "20360611T160000Z", sequence: 2), Self.cancelledSecond]))
        sync = try await syncNow(daemon)
        #expect(sync.ok)
        let days = try await agenda(daemon).filter { $0.hasSuffix("Weekly 1:1") }.map { String($0.prefix(10)) }
        #expect(days == ["2036-06-11", "2036-06-25", "2036-07-02"])

        // Split the series at 25 June, "this and following" as Google does it: the old series ends, a
        // new one with its own UID starts at the new time.
        try await radicale.put(
            collection + "weekly.ics",
            CalendarFiles.calendar([
                Self.weekly(at: "20360611T160000Z", sequence: 3).map {
                    $0.hasPrefix("RRULE:") ? "RRULE:FREQ=WEEKLY;UNTIL=20360624T235959Z" : $0
                },
                Self.cancelledSecond,
            ]))
        try await radicale.put(
            collection + "weekly-following.ics",
            CalendarFiles.calendar([
                [
                    "UID:weekly-1_R20360625T170000@example.org", "SUMMARY:Weekly 1:1", "DTSTART:20360625T170000Z",
                    "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=2",
                ]
            ]))
        sync = try await syncNow(daemon)
        #expect((sync.ok, sync.added, sync.updated) == (true, 1, 1))
        let split = [
            "2036-06-11T16:00:00Z Weekly 1:1", "2036-06-12T10:00:00Z Design review", "2036-06-25T17:00:00Z Weekly 1:1",
            "2036-07-02T17:00:00Z Weekly 1:1",
        ]
        #expect(try await agenda(daemon) == split)

        // Delete: gone after the second sync that lacks it, not the first.
        try await radicale.delete(collection + "review.ics")
        sync = try await syncNow(daemon)
        #expect((sync.awaitingRemoval, sync.removed) == (1, 0))
        #expect(try await agenda(daemon) == split)
        sync = try await syncNow(daemon)
        #expect(sync.removed == 1)
        let final = split.filter { !$0.hasSuffix("Design review") }
        #expect(try await agenda(daemon) == final)

        // Ten syncs in a row: nothing new, nothing twice, and little on the wire (sync-collection).
        let meetings = try await daemon.call(ListMeetings.self, .init()).meetings.count
        for _ in 0..<10 {
            sync = try await syncNow(daemon)
            #expect((sync.ok, sync.added, sync.updated, sync.removed) == (true, 0, 0, 0))
            #expect(sync.bytes < 2_000, "a no-change sync moved \(sync.bytes) bytes")
        }
        #expect(try await daemon.call(ListMeetings.self, .init()).meetings.count == meetings)
        #expect(try await agenda(daemon) == final)

        // The server goes away: syncs fail, and a failed sync deletes nothing however often.
        await radicale.remove()
        for _ in 0..<3 {
            sync = try await syncNow(daemon)
            #expect(!sync.ok && sync.error != nil)
        }
        #expect(try await agenda(daemon) == final)
        let listed = try #require(try await daemon.call(ListCalendarSources.self, NoParameters()).sources.first)
        #expect(!listed.lastError.isEmpty && listed.lastSuccess != nil)
        try await daemon.stop()
    }

    @Test func aServerWithALoginGetsThePasswordFromTheCommandAndNothingKeepsIt() async throws {
        let secret = "s3cret-horse-battery"
        let radicale = try await LoopbackServer.radicale(login: .init(user: "ana", password: secret))
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let collection = try await radicale.makeCalendar("work")
        try await radicale.put(
            collection + "weekly.ics", CalendarFiles.calendar([Self.weekly(at: "20360611T150000Z", sequence: 0)]))
        let wrong = try CalendarFiles.write("not-the-password\n", as: "wrong", in: daemon.directory)
        let refused = await daemon.error(
            AddCalendarSource.self,
            .init(
                location: collection, name: "work", partner: "Sam", role: .mentee, username: "ana", passwordFile: wrong)
        )
        let refusal = String(describing: try #require(refused))
        #expect(!refusal.contains("not-the-password") && !refusal.contains("Basic "), "\(refusal)")

        let right = try CalendarFiles.write("\(secret)\nsecond line ignored\n", as: "right", in: daemon.directory)
        let added = try await daemon.call(
            AddCalendarSource.self,
            .init(
                location: collection, name: "work", partner: "Sam", role: .mentee, username: "ana",
                passwordCommand: ["/bin/cat", right]))
        #expect((added.source.kind, added.sync.ok, added.sync.added) == (.caldav, true, 1))
        #expect(added.source.username == "ana")
        #expect(try await syncNow(daemon).ok)
        try await daemon.stop()
        for file in [daemon.databasePath, daemon.databasePath + "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "the password is in \(file)")
        }
        await radicale.remove()
    }

    @Test func aServerThatTimesOutOrSendsGarbageFailsItsOwnCalendarOnly() async throws {
        let server = try await LoopbackServer.misbehaving()
        var configuration = InProcessDaemon.secondsConfiguration
        configuration.calendar.httpTimeoutSeconds = 3
        let daemon = try await InProcessDaemon(now: noon, configuration: configuration)
        defer { daemon.remove() }
        let path = try CalendarFiles.write(
            CalendarFiles.calendar([Self.weekly(at: "20360611T150000Z", sequence: 0)]), as: "work.ics",
            in: daemon.directory)
        _ = try await daemon.call(
            AddCalendarSource.self, .init(location: path, name: "work", partner: "Sam", role: .mentee))

        let garbage = try await daemon.call(
            AddCalendarSource.self, .init(location: server.base + "/garbage/", name: "garbage", partner: "Sam"))
        #expect(garbage.source.kind == .caldav && !garbage.sync.ok)
        #expect(garbage.sync.error?.contains("not XML") == true, "\(garbage.sync.error ?? "")")

        let started = ContinuousClock.now
        let silent = try await daemon.call(
            AddCalendarSource.self, .init(location: server.base + "/silent/", name: "silent", partner: "Sam"))
        #expect(!silent.sync.ok && silent.sync.error == "the server did not answer in time")
        #expect(ContinuousClock.now - started < .seconds(15), "given up after http_timeout (3 s), not hung")

        let sources = try await daemon.call(ListCalendarSources.self, NoParameters()).sources
        #expect(sources.map { "\($0.name) \($0.lastError.isEmpty)" } == ["garbage false", "silent false", "work true"])
        #expect(try await agenda(daemon).count == 4, "the good calendar is untouched")
        try await daemon.stop()
        await server.remove()
    }
}
