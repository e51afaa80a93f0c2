import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// Reminders as desktop notifications, on a private session bus with a recording notification
/// server: what `Notify` receives, and what its buttons do to the ledger. Each test has a bus of its
/// own, so they run side by side.
struct DesktopNotificationTests {
    private func daemon(on bus: PrivateSessionBus, config: String = "") throws -> DaemonProcess {
        let directory = try TemporaryDirectory()
        try (DaemonProcess.secondsConfiguration + config).write(
            toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        return try DaemonProcess(in: directory, environment: bus.environment)
    }

    private func add(_ daemon: DaemonProcess, title: String, in start: String, offsets: String) throws -> Int64 {
        try daemon.connect().call(
            AddMeeting.self,
            .init(
                title: title, partner: "Sam", role: .mentee, start: start, timeZone: "Europe/Berlin", duration: "1s",
                offsets: offsets)
        ).meeting.id
    }

    /// The state of `step` in the meeting's first upcoming occurrence.
    private func state(of step: Wire.Step, meeting id: Int64, _ daemon: DaemonProcess) throws -> Wire.PlannedReminder? {
        let upcoming = try daemon.connect().call(ListUpcoming.self, .init(days: 2))
        return upcoming.occurrences.first { $0.meetingId == id }?.reminders.first { $0.step == step }
    }

    @Test func showsEachStepAsANotificationWithButtons() async throws {
        try await offThePool { [self] in try showsEachStepAsANotificationWithButtonsBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func showsEachStepAsANotificationWithButtonsBlocking() throws {
        let bus = try PrivateSessionBus()
        let opened = bus.directory.file("opened")
        let opener = bus.directory.file("open-prompts")
        try "echo \"$@\" > '\(opened)'\n".write(toFile: opener, atomically: false, encoding: .utf8)
        // Run by sh, not exec'd: a script just written can still be open for writing in a child
        // another test is starting, and exec would fail with "Text file busy".
        let daemon = try daemon(on: bus, config: "[desktop]\nopen = [\"/bin/sh\", \"\(opener)\"]\n")
        defer { daemon.directory.remove() }
        let id = try add(
            daemon, title: "Career <b>chat</b> & more", in: "in 3s",
            offsets: "purpose=2s,preparation=off,plan=off,participation=1s,capture=1s,capture_again=off")
        let shown = bus.waitForNotifications(count: 3)
        try #require(shown.count == 3, "\(daemon.stderr)")
        #expect(
            shown.map(\.summary) == [
                "Purpose: Career <b>chat</b> & more with Sam", "Participation: Career <b>chat</b> & more with Sam",
                "Capture: Career <b>chat</b> & more with Sam",
            ])
        #expect(shown[0].body.hasPrefix("Starts in "))
        #expect(shown.allSatisfy { $0.actionKeys == ["default", "snooze", "done"] && $0.appName == "mentord" })
        #expect(shown.map { $0.hints["urgency"] } == [.number(1), .number(2), .number(2)])
        // Each replaces the meeting's previous notification on screen.
        #expect(shown[0].replacesId == 0 && shown[1].replacesId == shown[0].id && shown[2].replacesId == shown[1].id)
        // Clicking the notification opens the prompts for that meeting's step (here: capture).
        try bus.invoke("default", on: try #require(shown[2].id))
        for _ in 0..<250 where !FileManager.default.fileExists(atPath: opened) { Thread.sleep(forTimeInterval: 0.02) }
        #expect((try? String(contentsOfFile: opened, encoding: .utf8)) == "\(id) capture\n")
    }

    @Test func snoozeAndDoneButtonsChangeTheLedger() async throws {
        try await offThePool { [self] in try snoozeAndDoneButtonsChangeTheLedgerBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func snoozeAndDoneButtonsChangeTheLedgerBlocking() throws {
        let bus = try PrivateSessionBus()
        let daemon = try daemon(on: bus)
        defer { daemon.directory.remove() }
        // Purpose is already due when added, so its card goes out at once; Preparation is ahead.
        let offsets = "purpose=1d,preparation=1h,plan=off,participation=off,capture=off,capture_again=off"
        let snoozed = try add(daemon, title: "Snoozed", in: "in 3h", offsets: offsets)
        let first = try #require(bus.waitForNotifications(count: 1).first?.id)
        try bus.invoke("snooze", on: first)
        var purpose = try state(of: .purpose, meeting: snoozed, daemon)
        for _ in 0..<250 where purpose?.state != "snoozed" {
            Thread.sleep(forTimeInterval: 0.02)
            purpose = try state(of: .purpose, meeting: snoozed, daemon)
        }
        #expect(purpose?.state == "snoozed", "\(daemon.stderr)")
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let due = try #require(purpose.flatMap { formatter.date(from: $0.at) })
        #expect(abs(due.timeIntervalSinceNow - 3600) < 30)

        let finished = try add(daemon, title: "Finished", in: "in 3h", offsets: offsets)
        let second = try #require(bus.waitForNotifications(count: 2).last?.id)
        try bus.invoke("done", on: second)
        var done = try state(of: .purpose, meeting: finished, daemon)
        for _ in 0..<250 where done?.state != "done" {
            Thread.sleep(forTimeInterval: 0.02)
            done = try state(of: .purpose, meeting: finished, daemon)
        }
        #expect(done?.state == "done")

        // A button press for a notification the daemon never sent (or already closed) changes
        // nothing, even when it reaches the daemon's own connection.
        let daemonName = try #require(bus.notifications.first?.sender)
        try bus.invoke("done", on: first, destination: daemonName)
        try bus.invoke("done", on: 4242, destination: daemonName)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try state(of: .purpose, meeting: snoozed, daemon)?.state == "snoozed")
        #expect(daemon.isRunning)
    }

    @Test func testNotifyReportsEveryChannel() async throws {
        try await offThePool { [self] in try testNotifyReportsEveryChannelBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func testNotifyReportsEveryChannelBlocking() throws {
        let bus = try PrivateSessionBus()
        let daemon = try daemon(on: bus)
        defer { daemon.directory.remove() }
        let result = try daemon.ctl(["test-notify"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("desktop:") && result.stdout.contains("notification 1"))
        #expect(result.stdout.contains("journal:") && result.stdout.contains("hook:"))
        #expect(bus.notifications.first?.summary == "Participation: mentord test notification with nobody")
    }

    @Test func keepsTheOtherChannelsWithoutABusAndRecoversWhenItComesBack() async throws {
        try await offThePool { [self] in try keepsTheOtherChannelsWithoutABusAndRecoversWhenItComesBackBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func keepsTheOtherChannelsWithoutABusAndRecoversWhenItComesBackBlocking() throws {
        let bus = try PrivateSessionBus(start: false)
        let daemon = try daemon(on: bus)
        defer { daemon.directory.remove() }
        for _ in 0..<2 {
            let result = try daemon.ctl(["test-notify", "--json"])
            #expect(result.status == 1)
            let reply = try JSONDecoder().decode(TestNotify.Reply.self, from: Data(result.stdout.utf8))
            #expect(reply.channels.first { $0.channel == "desktop" }?.ok == false)
            #expect(reply.channels.first { $0.channel == "journal" }?.ok == true)
        }
        // Logged once, not once per reminder.
        #expect(daemon.stderr.components(separatedBy: "Desktop notifications are unavailable").count == 2)
        try bus.startBus()
        try bus.startServer()
        let result = try daemon.ctl(["test-notify"])
        #expect(result.status == 0, "\(result)")
        #expect(daemon.stderr.contains("Desktop notifications work again"))
        // The bus goes away under the daemon, and comes back at the same address.
        bus.stopServer()
        bus.stopBus()
        #expect(try daemon.ctl(["test-notify"]).status == 1)
        try bus.startBus()
        try bus.startServer()
        #expect(try daemon.ctl(["test-notify"]).status == 0)
        // The record file outlives the server: one notification before the bus went, one after.
        #expect(bus.notifications.count == 2)
    }

    @Test func aServerThatNeverAnswersTimesOutWithoutBlockingTheDaemon() async throws {
        try await offThePool { [self] in try aServerThatNeverAnswersTimesOutWithoutBlockingTheDaemonBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aServerThatNeverAnswersTimesOutWithoutBlockingTheDaemonBlocking() throws {
        let bus = try PrivateSessionBus(serverArguments: ["--hang"])
        let daemon = try daemon(on: bus, config: "[desktop]\ntimeout = \"1s\"\n")
        defer { daemon.directory.remove() }
        let started = Date()
        let result = try daemon.ctl(["test-notify", "--json"])
        #expect(Date().timeIntervalSince(started) < 5)
        let reply = try JSONDecoder().decode(TestNotify.Reply.self, from: Data(result.stdout.utf8))
        let desktop = try #require(reply.channels.first { $0.channel == "desktop" })
        #expect(!desktop.ok && desktop.detail.contains("no answer"), "\(desktop)")
        #expect(try daemon.ctl(["status"]).status == 0)
    }

    @Test func aFailingServerIsReportedAndPlainTextIsUsedWithoutMarkup() async throws {
        try await offThePool { [self] in try aFailingServerIsReportedAndPlainTextIsUsedWithoutMarkupBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aFailingServerIsReportedAndPlainTextIsUsedWithoutMarkupBlocking() throws {
        let failing = try PrivateSessionBus(serverArguments: ["--fail"])
        let daemon = try daemon(on: failing)
        defer { daemon.directory.remove() }
        let result = try daemon.ctl(["test-notify"])
        #expect(result.status == 1 && result.stdout.contains("Failed"), "\(result)")
        failing.stopServer()
        try failing.startServer(["--no-markup", "--capabilities", "body"])
        #expect(try daemon.ctl(["test-notify"]).status == 0)
        let plain = try #require(failing.notifications.last)
        // No `actions` capability: no buttons.
        #expect(plain.actions.isEmpty && plain.summary.hasPrefix("Participation: "))
    }
}
