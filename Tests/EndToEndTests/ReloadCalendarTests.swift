import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// A reload applies its rules and tells systemd it is done at once, whatever its calendars' servers
/// do: the calendars are reconciled afterwards, one reload after another, the newest winning.
struct ReloadCalendarTests {
    /// Long enough that each check below runs while the silent server's probe still waits, on a
    /// loaded machine too (the test then waits it out once, at the end).
    private static let httpTimeout = 20
    private static let meetingStart = "2036-06-10T10:00:00Z"
    private static let slowCalendarGaveUp = "Failed to follow the configured calendar 'slow'"
    private static let calendarsApplied = "Applied the reloaded configuration's calendars"

    /// The configuration: plan reminders `planBefore` the start, and the `[calendar.NAME]` tables given.
    private static func configuration(planBefore: String, calendars: [String: String]) -> String {
        DaemonProcess.secondsConfiguration
            + "plan = \"\(planBefore)\"\n\n[calendar]\nhttp_timeout = \"\(httpTimeout)s\"\n"
            + calendars.sorted { $0.key < $1.key }.map { "\n[calendar.\($0.key)]\nlocation = \"\($0.value)\"\n" }
            .joined()
    }

    /// When the 2036 meeting's plan reminder is planned, as the daemon says now.
    private static func planReminder(_ daemon: DaemonProcess) throws -> String? {
        let upcoming = try daemon.connect().call(ListUpcoming.self, .init(from: "2036-06-10T00:00:00Z", days: 1))
        return upcoming.occurrences.first?.reminders.first { $0.step == .plan }?.at
    }

    @Test func aCalendarServerThatNeverAnswersHoldsNeitherTheRulesNorReady() async throws {
        try await offThePool { try Self.aCalendarServerThatNeverAnswersHoldsNeitherTheRulesNorReadyBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private static func aCalendarServerThatNeverAnswersHoldsNeitherTheRulesNorReadyBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let silent = try SilentListener()
        let notes = directory.file("notes")
        try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: true)
        let config = directory.file("config.toml")
        try configuration(planBefore: "1h", calendars: [:]).write(toFile: config, atomically: false, encoding: .utf8)
        let daemon = try DaemonProcess(in: directory)
        _ = try daemon.connect().call(
            AddMeeting.self, .init(title: "Weekly", partner: "Sam", role: .mentee, start: meetingStart))
        #expect(try planReminder(daemon) == "2036-06-10T09:00:00.000Z")

        // A calendar on a server that never answers, and a new rule, in one reload.
        try configuration(planBefore: "2h", calendars: ["slow": silent.url])
            .write(toFile: config, atomically: false, encoding: .utf8)
        let firstReload = Date()
        kill(daemon.pid, SIGHUP)
        try #require(daemon.notify.waitFor("READY=1", count: 2).found, "\(daemon.stderr)")
        let readyAfter = Date().timeIntervalSince(firstReload)
        #expect(try planReminder(daemon) == "2036-06-10T08:00:00.000Z", "the new rule applies at once")
        #expect(daemon.stderr.contains("Reloaded configuration from"))
        // The probe of the slow calendar is under way, and READY came without it.
        try #require(silent.waitForConnection(timeout: 30), "mentord probes the slow calendar")
        #expect(!daemon.stderr.contains(slowCalendarGaveUp), "READY after \(readyAfter) s came before the probe ended")

        // A second reload while the probe waits: its rule at once, its calendars once the first's are done.
        try configuration(planBefore: "3h", calendars: ["notes": notes])
            .write(toFile: config, atomically: false, encoding: .utf8)
        kill(daemon.pid, SIGHUP)
        try #require(daemon.notify.waitFor("READY=1", count: 3).found, "\(daemon.stderr)")
        #expect(try planReminder(daemon) == "2036-06-10T07:00:00.000Z")
        #expect(!daemon.stderr.contains(slowCalendarGaveUp), "the second READY did not wait on the probe either")

        // Both reloads' calendars are applied, in order: the second's win.
        try #require(daemon.waitForLog(calendarsApplied, count: 2), "\(daemon.stderr)")
        let log = daemon.stderr
        let gaveUp = try #require(log.range(of: slowCalendarGaveUp), "\(log)")
        let lastApplied = try #require(log.range(of: calendarsApplied, options: .backwards), "\(log)")
        #expect(gaveUp.lowerBound < lastApplied.lowerBound, "\(log)")
        let followed = try daemon.connect().call(ListCalendarSources.self, NoParameters()).sources
        #expect(followed.map(\.name) == ["notes"], "\(followed)")
        #expect(daemon.stop() == 0)
    }
}
