import Foundation
import MentorTestSupport
import Testing

/// `mentorctl watch` as a person leaves it running: across daemon restarts and crashes, and
/// folded to the terminal it runs on.
struct WatchTests {
    /// The environment mentorctl runs in against `daemon`, as ``DaemonProcess/ctl(_:input:environment:)`` gives it.
    private func environment(_ daemon: DaemonProcess) -> [String: String] {
        ["MENTORD_SOCKET": daemon.socketPath, "TZ": "UTC"]
    }

    /// Adds a meeting whose Purpose card fires about a second from now, and no other card.
    private func addMeetingFiringSoon(_ daemon: DaemonProcess, title: String) throws {
        let added = try daemon.ctl([
            "add", title, "--with", "Sam", "--role", "mentee", "--at", "in 4s", "--duration", "1s", "--offsets",
            "purpose=3s,preparation=off,plan=off,participation=off,capture=off,capture_again=off",
        ])
        #expect(added.status == 0, "\(added)")
    }

    /// How many times `text` occurs in `output`.
    private func count(_ text: String, in output: String) -> Int {
        output.components(separatedBy: text).count - 1
    }

    @Test func followsTheDaemonAcrossARestartAndACrash() async throws {
        try await offThePool { [self] in try followsTheDaemonAcrossARestartAndACrashBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes.
    private func followsTheDaemonAcrossARestartAndACrashBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var daemon = try DaemonProcess.forSecondLongReminders(in: directory)
        // --no-autostart, as a watch that started a daemon of its own while the test's was down
        // would hold the socket the next one binds.
        let watch = try RunningProcess(
            BuildProducts.executable("mentorctl"), ["watch", "--no-autostart"], environment: environment(daemon))
        var seen = watch.waitUntil { $0.stderr.contains("watching for reminders (Ctrl-C to stop)") }
        #expect(seen.stderr.contains("watching for reminders"), "\(seen)")

        // A stop (SIGTERM, as systemctl sends), then a crash (kill -9), each followed by a new daemon
        // on the same socket and data, and a card that fires only after it.
        let outages: [(name: String, stop: (DaemonProcess) -> Void)] = [
            ("SIGTERM", { $0.stop() }), ("kill -9", { $0.crash() }),
        ]
        for (outage, stop) in outages {
            let before = count("mentord went away", in: watch.written.stderr)
            stop(daemon)
            seen = watch.waitUntil { count("mentord went away", in: $0.stderr) > before }
            #expect(count("mentord went away", in: seen.stderr) == before + 1, "\(outage): \(seen)")
            daemon = try DaemonProcess.forSecondLongReminders(in: directory)
            seen = watch.waitUntil { count("watching for reminders again", in: $0.stderr) > before }
            #expect(count("watching for reminders again", in: seen.stderr) == before + 1, "\(outage): \(seen)")
            try addMeetingFiringSoon(daemon, title: "After \(outage)")
            seen = watch.waitUntil { $0.stdout.contains("Purpose: After \(outage) with Sam") }
            #expect(seen.stdout.contains("Purpose: After \(outage) with Sam"), "\(outage): \(seen)")
        }
        #expect(watch.process.isRunning, "\(watch.written)")

        // Ctrl-C while waiting for a daemon to come back stops it at once.
        daemon.crash()
        seen = watch.waitUntil { count("mentord went away", in: $0.stderr) == 3 }
        #expect(count("mentord went away", in: seen.stderr) == 3, "\(seen)")
        watch.process.send(SIGINT)
        seen = watch.waitUntil(timeout: 5) { _ in !watch.process.isRunning }
        #expect(!watch.process.isRunning && watch.process.wait() == 128 + SIGINT, "\(seen)")
    }

    @Test func theFirstConnectionFollowsTheUsualRules() async throws {
        try await offThePool {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            daemon.stop()
            // Nothing listens and autostart is off: watch fails at once instead of waiting.
            let result = try daemon.ctl(["watch"])
            #expect(result.status == 69 && result.stderr.contains("mentord is not running"), "\(result)")
        }
    }

    @Test func foldsCardsToTheTerminalsWidth() async throws {
        try await offThePool { [self] in
            let daemon = try DaemonProcess.forSecondLongReminders()
            defer { daemon.directory.remove() }
            let watch = try RunningProcess(
                PseudoTerminal.python,
                PseudoTerminal.arguments(
                    [BuildProducts.executable("mentorctl"), "watch", "--no-autostart"], columns: 40),
                environment: environment(daemon).merging(["TERM": "xterm"]) { $1 })
            var seen = watch.waitUntil { $0.stdout.contains("watching for reminders") }
            #expect(seen.stdout.contains("watching for reminders"), "\(seen)")
            try addMeetingFiringSoon(daemon, title: "A rather long title for a narrow terminal")
            // Wait for the card's last question: the whole card is written at once.
            seen = watch.waitUntil { $0.stdout.contains("Purpose:\r\n") && $0.stdout.hasSuffix("\r\n\r\n") }
            let lines = seen.stdout.components(separatedBy: "\r\n")
            #expect(lines.contains { $0.hasPrefix("    - ") } && lines.contains { $0.hasPrefix("      ") }, "\(lines)")
            #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        }
    }
}
