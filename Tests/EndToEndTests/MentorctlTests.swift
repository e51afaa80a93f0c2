import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// `mentorctl` as a subprocess against a real `mentord`: every verb, its exact human output, its JSON.
struct MentorctlTests {
    @Test func walksAMeetingThroughEveryVerb() async throws {
        try await offThePool { [self] in try walksAMeetingThroughEveryVerbBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func walksAMeetingThroughEveryVerbBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        // A user in Berlin, whose meetings are in Berlin: each time once, in the meeting's zone.
        let ctl = { (arguments: [String]) in try daemon.ctl(arguments, environment: ["TZ": "Europe/Berlin"]) }

        let added = try ctl([
            "add", "Career chat", "--with", "Sam", "--role", "mentee", "--at", "2036-12-04 15:00", "--tz",
            "Europe/Berlin",
            "--duration", "45m", "--purpose", "Talk about the promotion case",
        ])
        #expect(added.status == 0, "\(added)")
        #expect(
            added.stdout
                == "Added meeting 1: Career chat with Sam (you are the mentee), Thu 2036-12-04 15:00 +01:00 Europe/Berlin, 45m\n"
        )

        let listed = try ctl(["list"])
        #expect(
            listed.stdout == """
                ID  WHEN                         ZONE           LENGTH  WITH  ROLE    TITLE
                1   Thu 2036-12-04 15:00 +01:00  Europe/Berlin  45m     Sam   mentee  Career chat

                """)

        let shown = try ctl(["show", "1"])
        #expect(shown.stdout.contains("Title:      Career chat\n"))
        #expect(shown.stdout.contains("When:       Thu 2036-12-04 15:00 +01:00 Europe/Berlin\n"))
        #expect(!shown.stdout.contains("2036-12-04T"), "no instants for people: --json has them")
        #expect(shown.stdout.contains("Purpose:    Talk about the promotion case\n"))

        let edited = try ctl([
            "edit", "1", "--at", "2036-07-03 16:30", "--duration", "1h30m", "--title", "Promotion",
        ])
        #expect(
            edited.stdout
                == "Updated meeting 1: Promotion with Sam (you are the mentee), Thu 2036-07-03 16:30 +02:00 Europe/Berlin, 1h30m\n",
            "a new time without --tz is read in the meeting's own zone")

        let json = try ctl(["show", "1", "--json"])
        let reply = try JSONDecoder().decode(Wire.MeetingReply.self, from: Data(json.stdout.utf8))
        #expect(reply.meeting.start == "2036-07-03T14:30:00.000Z" && reply.meeting.durationSeconds == 5400)

        #expect(try ctl(["cancel", "1"]).stdout == "Cancelled meeting 1: Promotion with Sam\n")
        #expect(try ctl(["list"]).stdout == "No upcoming meetings. Add one with 'mentorctl add'.\n")
        #expect(try ctl(["list", "--all"]).stdout.contains("Promotion [cancelled]"))
        #expect(try ctl(["delete", "1"]).stdout == "Deleted meeting 1\n")
        #expect(try ctl(["list", "--all"]).stdout == "No meetings.\n")
        #expect(daemon.stop() == 0)
    }

    @Test func reportsStatus() async throws {
        try await offThePool { [self] in try reportsStatusBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func reportsStatusBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        _ = try daemon.ctl(["add", "Weekly", "--with", "Ana", "--role", "mentor", "--at", "in 2h"])
        let status = try daemon.ctl(["status"])
        #expect(status.status == 0)
        #expect(status.stdout.contains("pid \(daemon.pid)"))
        #expect(status.stdout.contains("Meetings:       1 upcoming, 1 stored\n"))
        #expect(status.stdout.contains("Database:       \(daemon.databasePath)\n"))
        let json = try JSONDecoder().decode(
            GetStatus.Reply.self, from: Data(try daemon.ctl(["status", "--json"]).stdout.utf8))
        #expect(
            json.relationships == 1 && json.socketPath == daemon.socketPath && json.version == MentordVersion.current)
    }

    @Test func findsTheRelationshipOfAKnownPartner() async throws {
        try await offThePool { [self] in try findsTheRelationshipOfAKnownPartnerBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func findsTheRelationshipOfAKnownPartnerBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        _ = try daemon.ctl(["add", "First", "--with", "Sam", "--role", "mentor", "--at", "in 1h"])
        let second = try daemon.ctl(["add", "Second", "--with", "sam", "--at", "in 2h"])
        #expect(second.stdout.contains("Second with Sam (you are the mentor)"), "\(second)")
    }

    @Test func printsHelpWithExamples() async throws {
        try await offThePool { [self] in try printsHelpWithExamplesBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func printsHelpWithExamplesBlocking() throws {
        let help = try ProcessRunner.run(BuildProducts.executable("mentorctl"), ["add", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--with <name>") && help.stdout.contains("tomorrow 9:30"))
        let version = try ProcessRunner.run(BuildProducts.executable("mentord"), ["--version"])
        #expect(version.stdout == MentordVersion.current + "\n")
    }
}
