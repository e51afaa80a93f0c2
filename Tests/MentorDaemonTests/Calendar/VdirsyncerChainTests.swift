import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

@testable import MentorDaemon

/// The whole chain a khal user has: vdirsyncer (PyPI, pinned in scripts/install-deps) syncs a CalDAV
/// server, Radicale, into a vdir, and mentord follows that vdir by inotify. A change made on the
/// server reaches the reminders after `vdirsyncer sync` alone: no one asks mentord to sync.
struct VdirsyncerChainTests {
    let noon = InProcessDaemon.tuesdayNoon
    typealias Events = CalDAVFollowTests

    @Test func aChangeOnTheServerReachesTheRemindersThroughVdirsyncer() async throws {
        let radicale = try await LoopbackServer.radicale()
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let collection = try await radicale.makeCalendar("work")
        try await radicale.put(
            collection + "weekly.ics", CalendarFiles.calendar([Events.weekly(at: "20360611T150000Z", sequence: 0)]))
        let vdir = daemon.directory.file("calendars/work")
        try FileManager.default.createDirectory(atPath: vdir, withIntermediateDirectories: true)
        let configuration = daemon.directory.file("vdirsyncer.conf")
        try Data(
            """
            [general]
            status_path = "\(daemon.directory.file("vdirsyncer-status"))"

            [pair work]
            a = "server"
            b = "local"
            collections = null
            conflict_resolution = "a wins"

            [storage server]
            type = "caldav"
            url = "\(collection)"
            read_only = true

            [storage local]
            type = "filesystem"
            path = "\(vdir)"
            fileext = ".ics"
            """.utf8
        ).write(to: URL(fileURLWithPath: configuration))
        let vdirsyncer = { (arguments: [String]) async throws in
            let result = try await offThePool {
                try ProcessRunner.run("/usr/bin/env", ["python3", "-m", "vdirsyncer", "-c", configuration] + arguments)
            }
            #expect(result.status == 0, "vdirsyncer \(arguments): \(result)")
        }
        try await vdirsyncer(["discover", "work"])
        try await vdirsyncer(["sync"])
        let added = try await daemon.call(
            AddCalendarSource.self, .init(location: vdir, name: "work", partner: "Sam", role: .mentee))
        #expect(added.source.kind == .vdir && (added.sync.ok, added.sync.added) == (true, 1))

        let agenda = { try await daemon.upcoming(from: noon, days: 28).map(Events.line) }
        // Moved on the server, then synced into the vdir: inotify does the rest.
        try await radicale.put(
            collection + "weekly.ics", CalendarFiles.calendar([Events.weekly(at: "20360611T160000Z", sequence: 1)]))
        try await vdirsyncer(["sync"])
        // Nothing polls a vdir folder: inotify brings it in.
        let weeks = ["06-11", "06-18", "06-25", "07-02"]
        let moved = try await daemon.eventually {
            try await agenda() == weeks.map { "2036-\($0)T16:00:00Z Weekly 1:1" }
        }
        #expect(moved, "the move reached the reminders")

        // A cancelled occurrence and a new event, in one vdirsyncer run.
        try await radicale.put(
            collection + "weekly.ics",
            CalendarFiles.calendar([Events.weekly(at: "20360611T160000Z", sequence: 2), Events.cancelledSecond]))
        try await radicale.put(
            collection + "review.ics",
            CalendarFiles.calendar([
                ["UID:review@example.org", "SUMMARY:Design review", "DTSTART:20360612T100000Z", "DURATION:PT30M"]
            ]))
        try await vdirsyncer(["sync"])
        let expected = [
            "2036-06-11T16:00:00Z Weekly 1:1", "2036-06-12T10:00:00Z Design review", "2036-06-25T16:00:00Z Weekly 1:1",
            "2036-07-02T16:00:00Z Weekly 1:1",
        ]
        let both = try await daemon.eventually { try await agenda() == expected }
        let shown = try await agenda()
        #expect(both, "\(shown)")

        // Deleted on the server: vdirsyncer removes the file, the watcher's sync is the first of two.
        // (How many syncs the watcher made of the run before is the kernel's timing: a late one may
        // count too, so the count of two is FollowCalendarTests', where nothing else writes.)
        try await radicale.delete(collection + "review.ics")
        try await vdirsyncer(["sync"])
        let seen = try await daemon.eventually {
            try await daemon.call(ListCalendarSources.self, NoParameters()).sources.first?.matched == 1
        }
        #expect(seen, "the watcher synced the deletion")
        let second = try await daemon.call(SyncCalendarSources.self, .init(name: "work")).syncs
        #expect(second.map(\.ok) == [true] && second.map(\.awaitingRemoval) == [0], "\(second)")
        #expect(try await agenda() == expected.filter { !$0.hasSuffix("Design review") })
        try await daemon.stop()
        await radicale.remove()
    }
}
