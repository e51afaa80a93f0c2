import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// The `[hook]` command: run directly with the reminder in `MENTORD_*` variables, stopped when
/// it hangs, and never in the way of the other channels.
struct HookTests {
    private func daemon(hook: [String], timeout: String = "10s") throws -> DaemonProcess {
        let directory = try TemporaryDirectory()
        let argv = hook.map { "\"\($0)\"" }.joined(separator: ", ")
        try
            (DaemonProcess.secondsConfiguration
            + "[desktop]\nenabled = false\n[hook]\ncommand = [\(argv)]\ntimeout = \"\(timeout)\"\n").write(
                toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        return try DaemonProcess(in: directory)
    }

    private func report(_ daemon: DaemonProcess) throws -> (status: Int32, hook: Wire.ChannelResult?) {
        let result = try daemon.ctl(["test-notify", "--json"])
        let reply = try JSONDecoder().decode(TestNotify.Reply.self, from: Data(result.stdout.utf8))
        #expect(reply.channels.first { $0.channel == "journal" }?.ok == true)
        return (result.status, reply.channels.first { $0.channel == "hook" })
    }

    @Test func receivesTheReminderAndTitlesStayData() async throws {
        try await offThePool { [self] in try receivesTheReminderAndTitlesStayDataBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func receivesTheReminderAndTitlesStayDataBlocking() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let output = scratch.file("env")
        let daemon = try daemon(hook: ["/bin/sh", "-c", "env -0 > \\\"$1\\\"", "hook", output])
        defer { daemon.directory.remove() }
        let title = "$(touch \(scratch.file("pwned"))); rm -rf ~ `touch \(scratch.file("pwned2"))`"
        let id = try daemon.connect().call(
            AddMeeting.self,
            .init(
                title: title, partner: "Sam", role: .mentor, start: "in 3h", timeZone: "Europe/Berlin",
                duration: "30m", offsets: "purpose=1d,preparation=off,plan=off,participation=off")
        ).meeting.id
        for _ in 0..<500 where (try? String(contentsOfFile: output, encoding: .utf8)) == nil {
            Thread.sleep(forTimeInterval: 0.02)
        }
        Thread.sleep(forTimeInterval: 0.1)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        var variables: [String: String] = [:]
        for entry in text.split(separator: "\0") {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { variables[parts[0]] = parts[1] }
        }
        // The daemon runs with NOTIFY_SOCKET set; its hook cannot speak for the service.
        #expect(variables["NOTIFY_SOCKET"] == nil && variables["PATH"] != nil)
        #expect(variables["MENTORD_TITLE"] == title)
        #expect(variables["MENTORD_MEETING_ID"] == String(id) && variables["MENTORD_PARTNER"] == "Sam")
        #expect(variables["MENTORD_ROLE"] == "mentor" && variables["MENTORD_STEP"] == "purpose")
        #expect(variables["MENTORD_TIME_ZONE"] == "Europe/Berlin" && variables["MENTORD_LATE"] == "1")
        #expect((170...180).contains(Int(variables["MENTORD_MINUTES_LEFT"] ?? "") ?? 0))
        #expect(variables["MENTORD_PROMPTS"]?.isEmpty == false)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("pwned")))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("pwned2")))
    }

    /// Looked at from outside, while the hook (`sleep`, exec'd with no shell in between) runs.
    @Test func aHookInheritsOnlyItsStandardDescriptors() async throws {
        try await offThePool { [self] in try aHookInheritsOnlyItsStandardDescriptorsBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aHookInheritsOnlyItsStandardDescriptorsBlocking() throws {
        let daemon = try daemon(hook: ["/bin/sleep", "30"])
        defer { daemon.directory.remove() }
        _ = try daemon.connect().call(
            AddMeeting.self,
            .init(
                title: "Inherit", partner: "Sam", role: .mentor, start: "in 3h", timeZone: "Europe/Berlin",
                duration: "30m", offsets: "purpose=1d,preparation=off,plan=off,participation=off"))
        var found: Int32?
        for _ in 0..<250 where found == nil {
            let children = try ProcessRunner.run("/usr/bin/pgrep", ["-x", "-P", String(daemon.pid), "sleep"])
            found = Int32(children.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            if found == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        let hook = try #require(found, "\(daemon.stderr)")
        defer { kill(hook, SIGTERM) }
        // Only stdin, stdout and stderr: not the daemon's socket, database, bus or pipes.
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(hook)/fd").sorted()
        #expect(descriptors == ["0", "1", "2"])
        // Nothing blocked, nothing ignored but glibc's own signals 32 and 33 (its posix_spawn
        // ignores those in the child; every program's C library sets them up again).
        let status = try String(contentsOfFile: "/proc/\(hook)/status", encoding: .utf8).split(separator: "\n")
        let mask = { (name: String) in
            status.first { $0.hasPrefix(name) }.flatMap { UInt64($0.split(separator: "\t").last ?? "", radix: 16) }
        }
        #expect(mask("SigBlk:") == 0)
        #expect(mask("SigIgn:").map { $0 & ~UInt64(0x1_8000_0000) } == 0)
        // A session of its own, which it leads: the timeout can stop all it started.
        let stat = try String(contentsOfFile: "/proc/\(hook)/stat", encoding: .utf8).split(separator: " ")
        #expect(stat.count > 5 && stat[5] == "\(hook)")
    }

    @Test func aHookThatHangsIsStoppedWithEverythingItStarted() async throws {
        try await offThePool { [self] in try aHookThatHangsIsStoppedWithEverythingItStartedBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aHookThatHangsIsStoppedWithEverythingItStartedBlocking() throws {
        let daemon = try daemon(hook: ["/bin/sh", "-c", "sleep 60 & sleep 60"], timeout: "1s")
        defer { daemon.directory.remove() }
        let started = Date()
        let (status, hook) = try report(daemon)
        #expect(status == 1 && hook?.ok == false && hook?.detail == "timed out after 1 s")
        #expect(Date().timeIntervalSince(started) < 6)
        // Its children went with it: no sleep of this process group is left.
        let left = try ProcessRunner.run("/usr/bin/pgrep", ["-f", "-P", String(daemon.pid), "sleep 60"])
        #expect(left.stdout.isEmpty)
        #expect(daemon.stderr.contains("still ran after 1 s and was stopped"))
    }

    /// The first hook a fresh daemon runs that has to be stopped crashed it one time in four while
    /// hooks were watched by Dispatch sources (libdispatch's epoll race, see `SpawnedCommand`);
    /// eight fresh daemons make that near certain to show.
    @Test func aFreshDaemonSurvivesItsFirstHookTimingOut() async throws {
        try await offThePool { [self] in try aFreshDaemonSurvivesItsFirstHookTimingOutBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aFreshDaemonSurvivesItsFirstHookTimingOutBlocking() throws {
        let daemons = try (0..<8).map { _ in try daemon(hook: ["/bin/sh", "-c", "sleep 60"], timeout: "1s") }
        defer { for daemon in daemons { daemon.directory.remove() } }
        DispatchQueue.concurrentPerform(iterations: daemons.count) { index in
            _ = try? daemons[index].ctl(["test-notify", "--json"])
        }
        for daemon in daemons {
            #expect(daemon.isRunning, "\(daemon.stderr)")
        }
    }

    @Test func aHookThatPrintsMegabytesOrFailsIsLoggedAndDeliveryGoesOn() async throws {
        try await offThePool { [self] in try aHookThatPrintsMegabytesOrFailsIsLoggedAndDeliveryGoesOnBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aHookThatPrintsMegabytesOrFailsIsLoggedAndDeliveryGoesOnBlocking() throws {
        let daemon = try daemon(hook: ["/bin/sh", "-c", "head -c 20000000 /dev/zero | tr '\\\\0' x; exit 3"])
        defer { daemon.directory.remove() }
        let (status, hook) = try report(daemon)
        #expect(status == 1 && hook?.detail == "exit status 3", "\(String(describing: hook))")
        #expect(daemon.stderr.contains("failed with status 3: xxxx"))
        #expect(daemon.isRunning)
    }

    @Test func aHookThatDoesNotExistIsReported() async throws {
        try await offThePool { [self] in try aHookThatDoesNotExistIsReportedBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aHookThatDoesNotExistIsReportedBlocking() throws {
        let daemon = try daemon(hook: ["/nonexistent/hook"])
        defer { daemon.directory.remove() }
        let (status, hook) = try report(daemon)
        #expect(status == 1 && hook?.ok == false && hook?.detail.contains("could not run") == true)
        let ok = try daemon.ctl(["status"])
        #expect(ok.status == 0)
    }
}
