import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// `mentorctl prompt` runs in every shell prompt: silent without a daemon, one line when a meeting is near.
struct PromptTests {
    @Test func printsNothingWithoutADaemon() async throws {
        try await offThePool { [self] in try printsNothingWithoutADaemonBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func printsNothingWithoutADaemonBlocking() throws {
        let result = try ProcessRunner.run(
            BuildProducts.executable("mentorctl"), ["prompt", "--socket", "/tmp/mentord-no-such-dir/socket"])
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty)
    }

    @Test func printsTheNextCueOfANearMeeting() async throws {
        try await offThePool { [self] in try printsTheNextCueOfANearMeetingBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func printsTheNextCueOfANearMeetingBlocking() throws {
        // Without quiet hours, which would move Plan earlier at some times of day.
        let daemon = try DaemonProcess.forSecondLongReminders()
        defer { daemon.directory.remove() }
        #expect(try daemon.ctl(["prompt"]).stdout.isEmpty, "nothing scheduled")
        _ = try daemon.ctl([
            "add", "Weekly", "--with", "Ana", "--role", "mentor", "--at", "in 3h", "--offsets",
            "purpose=off,preparation=off,plan=2h,participation=15m",
        ])
        let line = try ProcessRunner.run(
            BuildProducts.executable("mentorctl"), ["prompt", "--format", "[%s] "],
            environment: ["MENTORD_SOCKET": daemon.socketPath])
        // Due in an hour less the time since the add (a loaded machine may take a minute).
        #expect(["1h", "59m", "58m"].map { "[Plan: Weekly with Ana in \($0)] \n" }.contains(line.stdout), "\(line)")
        let far = try daemon.ctl(["prompt", "--within-hours", "0"])
        #expect(far.stdout.isEmpty)
    }

    @Test func givesUpOnAStoppedDaemon() async throws {
        try await offThePool { [self] in try givesUpOnAStoppedDaemonBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func givesUpOnAStoppedDaemonBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        kill(daemon.pid, SIGSTOP)
        defer { kill(daemon.pid, SIGCONT) }
        // Without its one-second timeout this would hang the shell (and this test) for good.
        let result = try ProcessRunner.run(
            BuildProducts.executable("mentorctl"), ["prompt"], environment: ["MENTORD_SOCKET": daemon.socketPath])
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty)
    }
}
