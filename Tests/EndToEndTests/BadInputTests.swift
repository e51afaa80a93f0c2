import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// Every bad input gets one specific line on stderr and a non-zero exit, the daemon keeps serving,
/// and nothing stored changes.
struct BadInputTests {
    static let cases: [(arguments: [String], message: String)] = [
        (
            ["add", "X", "--with", "Sam", "--at", "in 1h", "--tz", "Mars/Base"],
            "unknown time zone 'Mars/Base' (use an IANA name such as Europe/Berlin)"
        ),
        (
            ["add", "X", "--with", "Sam", "--at", "2036-02-30 15:00", "--tz", "Europe/Berlin"],
            "cannot read the time '2036-02-30 15:00': no such date or time"
        ),
        (
            ["add", "X", "--with", "Sam", "--at", "2026-03-29 02:30", "--tz", "Europe/Berlin"],
            "'2026-03-29 02:30' does not exist in Europe/Berlin: the clocks skip it at a daylight-saving change"
        ),
        (
            ["add", "X", "--with", "Sam", "--at", "someday", "--tz", "UTC"],
            "cannot read the time 'someday': 'someday' is not a day, month or time mentord knows (try thu 15:00, Dec 10 15:00, in 2h)"
        ),
        (["add", " ", "--with", "Sam", "--at", "in 1h", "--tz", "UTC"], "the title must not be empty"),
        (
            ["add", "X", "--with", "Sam", "--at", "in 1h", "--tz", "UTC", "--duration=-5m"],
            "'-5m' is not a duration (examples: 45m, 1h30m, 90s)"
        ),
        (
            ["add", "X", "--with", "Sam", "--at", "in 1h", "--tz", "UTC", "--duration", "0s"],
            "a meeting lasts 1 second to 24 hours, not 0 seconds"
        ),
        (
            ["add", "X", "--with", "Sam", "--at", "in 1h", "--tz", "UTC", "--duration", "25h"],
            "a meeting lasts 1 second to 24 hours, not 90000 seconds"
        ),
        (
            ["add", String(repeating: "t", count: 201), "--with", "Sam", "--at", "in 1h", "--tz", "UTC"],
            "the title has 201 characters; the limit is 200"
        ),
        (
            ["add", "X", "--with", "Newcomer", "--at", "in 1h", "--tz", "UTC"],
            "Newcomer is new: say whether you are their mentor or mentee (--role)"
        ),
        (["show", "42"], "no meeting with id 42"),
        (["edit", "42", "--title", "x"], "no meeting with id 42"),
        (["cancel", "42"], "no meeting with id 42"),
        (["delete", "42"], "no meeting with id 42"),
        (["edit", "1", "--at", "2036-13-01 10:00"], "cannot read the time '2036-13-01 10:00': no such date or time"),
    ]

    @Test func answersEachBadInputWithOneLineAndChangesNothing() async throws {
        try await offThePool { [self] in try answersEachBadInputWithOneLineAndChangesNothingBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func answersEachBadInputWithOneLineAndChangesNothingBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        _ = try daemon.ctl([
            "add", "Kept", "--with", "Sam", "--role", "mentee", "--at", "2036-12-04 15:00", "--tz", "UTC",
        ])
        let before = try snapshot(daemon)
        for (arguments, message) in Self.cases {
            let result = try daemon.ctl(arguments)
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(result.stderr == "mentorctl: \(message)\n", "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try snapshot(daemon) == before)
        #expect(daemon.isRunning)
        #expect(try daemon.ctl(["cancel", "1"]).status == 0)
        let twice = try daemon.ctl(["cancel", "1"])
        #expect(twice.status == 1 && twice.stderr == "mentorctl: meeting 1 is already cancelled\n")
    }

    @Test func refusesUsageErrorsBeforeCallingTheDaemon() async throws {
        try await offThePool { [self] in try refusesUsageErrorsBeforeCallingTheDaemonBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesUsageErrorsBeforeCallingTheDaemonBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let nothing = try daemon.ctl(["edit", "1"])
        #expect(nothing.status == 64)
        #expect(nothing.stderr.contains("nothing to change"))
        let role = try daemon.ctl(["add", "X", "--with", "Sam", "--role", "boss", "--at", "in 1h"])
        #expect(role.status == 64)
    }

    private func snapshot(_ daemon: DaemonProcess) throws -> [Wire.Meeting] {
        try daemon.connect().call(ListMeetings.self, .init(includePast: true, includeCancelled: true)).meetings
    }
}
