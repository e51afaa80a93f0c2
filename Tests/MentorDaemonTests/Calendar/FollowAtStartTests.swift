import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

@testable import MentorDaemon

/// Calendars added while the daemon starts: its reconcile of the stored and configured calendars runs
/// at the same time as the adds, and must neither stop following one of them as gone nor follow it a
/// second time with a sync of its own racing the add's.
struct FollowAtStartTests {
    let noon = InProcessDaemon.tuesdayNoon
    static let (configured, added) = (6, 6)

    /// A half-hour event named `name` (its UID too) at `start`.
    static func event(_ name: String, at start: String, sequence: Int = 0) -> String {
        CalendarFiles.calendar([
            [
                "UID:\(name)@example.org", "SEQUENCE:\(sequence)", "SUMMARY:\(name)", "DTSTART:\(start)",
                "DURATION:PT30M",
            ]
        ])
    }

    @Test func calendarsAddedWhileTheDaemonStartsAreSyncedByTheirAddAndStayWatched() async throws {
        let directory = try TemporaryDirectory()
        // Away from the daemon's database, whose files change all the time.
        let folder = directory.file("calendars")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let write = { (name: String, text: String) throws -> String in
            try CalendarFiles.write(text, as: "calendars/\(name).ics", in: directory)
        }
        // Configured calendars give the start's reconcile work while the adds come in.
        var tables: [String] = []
        for index in 0..<Self.configured {
            let path = try write("configured-\(index)", Self.event("configured-\(index)", at: "20360612T090000Z"))
            tables.append("[calendar.configured-\(index)]\nlocation = \"\(path)\"\nwith = \"Sam\"\nrole = \"mentee\"\n")
        }
        var configuration = InProcessDaemon.secondsConfiguration
        configuration.calendar = try DaemonConfiguration.parse(tables.joined(separator: "\n"), path: "config.toml")
            .calendar
        let paths = try (0..<Self.added).map {
            try write("added-\($0)", Self.event("added-\($0)", at: "20360612T100000Z"))
        }
        let daemon = try await InProcessDaemon(now: noon, configuration: configuration, in: directory)
        defer { daemon.remove() }

        let syncs = try await withThrowingTaskGroup(of: Wire.CalendarSync.self) { group in
            for (index, path) in paths.enumerated() {
                group.addTask {
                    try await daemon.call(
                        AddCalendarSource.self,
                        .init(location: path, name: "added-\(index)", partner: "Sam", role: .mentee)
                    ).sync
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(syncs.map(\.added) == Array(repeating: 1, count: Self.added), "each add made its meeting: \(syncs)")

        for (index, path) in paths.enumerated() {
            try FollowCalendarTests.replace(
                path, with: Self.event("added-\(index)", at: "20360612T110000Z", sequence: 1))
        }
        // Thursday 2036-06-12 11:00 UTC, an hour later than added.
        let later = RFC3339.utc(noon.addingTimeInterval(47 * 3600))
        let moved = try await daemon.eventually {
            let meetings = try await daemon.call(ListMeetings.self, .init()).meetings.filter {
                $0.title.hasPrefix("added-")
            }
            return meetings.count == Self.added && meetings.allSatisfy { $0.start == later }
        }
        let starts = try await daemon.call(ListMeetings.self, .init()).meetings.map { "\($0.title) \($0.start)" }
        #expect(moved, "every added calendar is watched: \(starts.sorted())")
        let sources = try await daemon.call(ListCalendarSources.self, NoParameters()).sources
        #expect(sources.count == Self.configured + Self.added, "each followed once")
        try await daemon.stop()
    }
}
