import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// `mentorctl` as the rest of a Unix system expects a command-line tool to behave: times in the
/// user's own zone, errors as JSON with `--json`, global options before the subcommand, and a
/// mistyped command answered with the one meant.
struct CommandLineConventionsTests {
    /// A user's zone other than the daemon's (UTC) and the meetings' (Europe/Berlin).
    static let newYork = ["TZ": "America/New_York"]

    /// `mentorctl add TITLE --with Sam --role mentee --at START --tz ZONE`, typed in New York.
    static func addWithSam(
        _ daemon: DaemonProcess, _ title: String, at start: String, zone: String, _ more: [String] = []
    ) throws -> ProcessResult {
        try daemon.ctl(
            ["add", title, "--with", "Sam", "--role", "mentee", "--at", start, "--tz", zone] + more,
            environment: newYork)
    }

    @Test func showsTimesInTheUsersZoneWithTheMeetingsZoneBeside() async throws {
        try await offThePool {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            let added = try Self.addWithSam(daemon, "Career chat", at: "2036-12-04 3pm", zone: "europe/berlin")
            #expect(
                added.stdout
                    == "Added meeting 1: Career chat with Sam (you are the mentee), "
                    + "Thu 2036-12-04 09:00 -05:00 (Thu 15:00 Europe/Berlin), 1h\n", "\(added)")
            _ = try daemon.ctl(
                ["add", "Local", "--with", "Sam", "--at", "2036-12-05 10:00"], environment: Self.newYork)
            let listed = try daemon.ctl(["list"], environment: Self.newYork)
            #expect(
                listed.stdout == """
                    ID  WHEN                         ZONE                       LENGTH  WITH  ROLE    TITLE
                    1   Thu 2036-12-04 09:00 -05:00  Europe/Berlin (Thu 15:00)  1h      Sam   mentee  Career chat
                    2   Fri 2036-12-05 10:00 -05:00  America/New_York           1h      Sam   mentee  Local

                    """, "\(listed)")
            // A POSIX rule in TZ, as on systems without a zone database: Berlin's own rule.
            let posix = try daemon.ctl(["show", "1"], environment: ["TZ": "CET-1CEST,M3.5.0,M10.5.0/3"])
            #expect(posix.stdout.contains("When:       Thu 2036-12-04 15:00 +01:00 Europe/Berlin\n"), "\(posix)")
            let status = try daemon.ctl(["status"], environment: ["TZ": "Asia/Kathmandu"])
            #expect(status.stdout.contains(" +05:45 ("), "started at, in the user's zone: \(status)")
        }
    }

    @Test func showsTheTimesInTheDaemonsRefusalsAndWarningsInTheUsersZone() async throws {
        try await offThePool {
            // The daemon in UTC, the meeting in Berlin, the user in New York: each time shown is the user's.
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            let past = try Self.addWithSam(daemon, "Old", at: "2020-01-02 15:00", zone: "Europe/Berlin")
            #expect(
                past.stderr == "mentorctl: '2020-01-02 15:00' is Thu 2020-01-02 09:00 -05:00, in the past; "
                    + "the start must lie ahead (--past records a meeting that happened)\n", "\(past)")
            _ = try Self.addWithSam(
                daemon, "Weekly", at: "2036-12-04 15:00", zone: "Europe/Berlin",
                ["--repeat", "weekly", "--offsets", "purpose=off,preparation=off,plan=2h,participation=off"])
            let missing = try daemon.ctl(
                ["cancel", "1", "--occurrence", "2036-12-05 15:00"], environment: Self.newYork)
            #expect(
                missing.stderr
                    == "mentorctl: meeting 1 has no occurrence at Fri 2036-12-05 09:00 -05:00 (read in Europe/Berlin)\n",
                "\(missing)")
            let early = try daemon.ctl(["snooze", "1", "plan", "1h", "--json"], environment: Self.newYork)
            let report = try JSONDecoder().decode(Report.self, from: Data(early.stdout.utf8))
            #expect(
                report.message == "cannot snooze Plan of meeting 1: it is not due until Thu 2036-12-04 07:00 -05:00; "
                    + "snooze it once it has been shown, or pick a later time", "\(early)")
            let captured = try daemon.ctl(["capture", "1", "--summary", "Early notes"], environment: Self.newYork)
            #expect(
                captured.stderr
                    == "mentorctl: warning: meeting 1 has not started yet (Thu 2036-12-04 09:00 -05:00); captured anyway\n",
                "\(captured)")
        }
    }

    @Test func reportsErrorsAsJSONWithTheSameExitStatus() async throws {
        try await offThePool {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            let missing = try daemon.ctl(["show", "7", "--json"])
            #expect(missing.status == 1 && missing.stderr.isEmpty, "\(missing)")
            let report = try JSONDecoder().decode(Report.self, from: Data(missing.stdout.utf8))
            #expect(report.error == "io.mentord.NoSuchMeeting" && report.message == "no meeting with id 7")
            #expect(report.parameters == .object(["id": .integer(7)]))
            #expect(try daemon.ctl(["show", "7"]).stderr == "mentorctl: no meeting with id 7\n")

            let usage = try daemon.ctl(["add", "x", "--json"])
            #expect(usage.status == 64 && usage.stderr.isEmpty, "\(usage)")
            #expect(try JSONDecoder().decode(Report.self, from: Data(usage.stdout.utf8)).error == "mentorctl.Usage")

            let away = try daemon.ctl(["--json", "--socket", daemon.directory.file("none"), "list"])
            #expect(away.status == 69, "\(away)")
            #expect(
                try JSONDecoder().decode(Report.self, from: Data(away.stdout.utf8)).error == "mentorctl.Unavailable")
        }
    }

    @Test func takesGlobalOptionsBeforeTheSubcommand() async throws {
        try await offThePool {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            let listed = try daemon.ctl(["--json", "--socket", daemon.socketPath, "list"])
            #expect(listed.status == 0 && listed.stdout.hasPrefix("{"), "\(listed)")
            let quiet = try daemon.ctl(["--socket", daemon.socketPath, "--json", "show", "7"])
            #expect(quiet.status == 1 && quiet.stdout.contains("io.mentord.NoSuchMeeting"), "\(quiet)")
        }
    }

    @Test(arguments: [
        (["lsit"], "unknown command 'mentorctl lsit'; did you mean 'list'? ('mentorctl --help' lists them)"),
        (
            ["goal", "ad"],
            "unknown command 'mentorctl goal ad'; did you mean 'add'? ('mentorctl goal --help' lists them)"
        ),
        (
            ["relationship", "lst"],
            "unknown command 'mentorctl relationship lst'; did you mean 'list'? ('mentorctl relationship --help' lists them)"
        ),
        (["frobnicate"], "unknown command 'mentorctl frobnicate' ('mentorctl --help' lists them)"),
    ])
    func answersAMistypedCommandWithTheOneMeant(arguments: [String], message: String) throws {
        let result = try ProcessRunner.run(BuildProducts.executable("mentorctl"), arguments)
        #expect(result.status == 64 && result.stdout.isEmpty)
        #expect(result.stderr == "mentorctl: \(message)\n")
    }

    @Test func alignsColumnsByTheirWidthOnATerminal() async throws {
        try await offThePool {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            _ = try daemon.ctl(["add", "☕ Coffee", "--with", "山田太郎", "--role", "mentor", "--at", "2036-12-04 15:00"])
            _ = try daemon.ctl(["add", "Plain", "--with", "Sam", "--role", "mentee", "--at", "2036-12-05 15:00"])
            // Each CJK character takes two columns: the ROLE column starts at one column on every line.
            let lines = try daemon.ctl(["list"]).stdout.split(separator: "\n")
            let starts = zip(lines, ["ROLE", "mentor", "mentee"]).map { line, cell in
                let prefix = line[..<line.range(of: cell)!.lowerBound]
                return prefix.count + prefix.filter { "山田太郎".contains($0) }.count
            }
            #expect(lines.count == 3 && Set(starts).count == 1, "\(lines)")
        }
    }

    @Test func coloursMarksOnATerminalOnly() async throws {
        try await offThePool {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            _ = try daemon.ctl(["add", "Gone", "--with", "Sam", "--role", "mentee", "--at", "2036-12-04 15:00"])
            _ = try daemon.ctl(["cancel", "1"])
            func onATerminal(_ environment: [String: String]) throws -> String {
                // NO_COLOR only as the case gives it: the test runner's own environment may set it
                // (a CI or an agent asking for plain output), which made every run colourless.
                try ProcessRunner.run(
                    PseudoTerminal.python,
                    PseudoTerminal.arguments([BuildProducts.executable("mentorctl"), "list", "--all", "--no-autostart"]
                    ),
                    environment: environment.merging(["MENTORD_SOCKET": daemon.socketPath, "TZ": "UTC"]) { $1 },
                    removingEnvironment: environment["NO_COLOR"] == nil ? ["NO_COLOR"] : []
                ).stdout
            }
            let painted = try onATerminal(["TERM": "xterm"])
            #expect(painted.contains("Gone \u{1B}[2m[cancelled]\u{1B}[0m"), "\(painted.debugDescription)")
            for plain in [["TERM": "xterm", "NO_COLOR": "1"], ["TERM": "dumb"]] {
                let output = try onATerminal(plain)
                #expect(output.contains("Gone [cancelled]") && !output.contains("\u{1B}"), "\(plain): \(output)")
            }
            let piped = try daemon.ctl(["list", "--all"]).stdout
            #expect(piped.contains("Gone [cancelled]") && !piped.contains("\u{1B}"), "\(piped)")
        }
    }

    /// The JSON error object.
    private struct Report: Decodable {
        var error: String
        var message: String
        var parameters: JSONValue?
    }
}
