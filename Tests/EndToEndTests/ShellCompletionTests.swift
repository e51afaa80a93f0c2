import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// Shell completion as the generated scripts ask for it: `mentorctl ---completion <command> --
/// <argument> <word index> <cursor> <words...>`, with `SAP_SHELL` saying which shell reads the
/// answer. Meetings and partners come from a real daemon; steps and zones need none.
struct ShellCompletionTests {
    @Test func completesMeetingsPartnersStepsAndZonesFromARunningDaemon() async throws {
        try await offThePool {
            let daemon = try Self.daemonWithFixtures()
            defer { daemon.directory.remove() }
            let ask = ShellCompletion(socket: daemon.socketPath)

            // Meetings soonest first, then (for show) the last ones that ended; zsh and fish show
            // what each id is, in the user's zone.
            #expect(
                try ask.lines(["show"], "positional@0", "", shell: "zsh") == [
                    "2:Career chat with Ana, Thu 2036-12-04 10:00 +00:00",
                    "1:Weekly 1:1 with Sam Lee, Thu 2036-12-11 14:00 +00:00",
                    "3:Kick-off with Ana, Thu 2020-01-02 10:00 +00:00", " ",
                ])
            #expect(
                try ask.lines(["cancel"], "positional@0", "", shell: "fish", zone: "Europe/Berlin") == [
                    "2\tCareer chat with Ana, Thu 2036-12-04 11:00 +01:00",
                    "1\tWeekly 1:1 with Sam Lee, Thu 2036-12-11 15:00 +01:00",
                ])
            #expect(try ask.lines(["done"], "positional@0", "", shell: "bash") == ["2", "1", "3"])
            #expect(try ask.lines(["snooze"], "positional@0", "1", shell: "bash") == ["1"])
            // A meeting is also named by its partner.
            #expect(try ask.lines(["prep"], "positional@0", "sa", shell: "bash") == ["sam Lee"])

            // Partners from the relationships, one with no meeting too.
            #expect(
                try ask.lines(["add"], "--with", "", shell: "fish") == [
                    "Ana\tyou are the mentor", "Kim\tyou are the mentor", "Sam Lee\tyou are the mentee",
                ])
            #expect(try ask.lines(["relationship", "show"], "positional@0", "Ki", shell: "bash") == ["Kim"])
            #expect(try ask.lines(["list"], "--with", "s", shell: "bash") == ["sam Lee"])

            // Steps and zones in any case, kept as typed so bash's compgen keeps them.
            #expect(try ask.lines(["done"], "positional@1", "PRE", shell: "bash") == ["PREparation"])
            #expect(
                try ask.lines(["done"], "positional@1", "p", shell: "bash") == [
                    "purpose", "preparation", "plan", "participation",
                ])
            #expect(try ask.lines(["snooze"], "positional@1", "plan,Pa", shell: "bash") == ["plan,Participation"])
            #expect(try ask.lines(["add"], "--tz", "europe/berl", shell: "bash") == ["europe/berlin"])
            let europe = try ask.lines(["edit"], "--tz", "Europe/", shell: "bash")
            #expect(europe.contains("Europe/Berlin") && europe.contains("Europe/Paris"), "\(europe)")
            #expect(europe.allSatisfy { $0.hasPrefix("Europe/") }, "\(europe)")
            #expect(try ask.lines(["add"], "--tz", "utc", shell: "bash") == ["utc"])
        }
    }

    @Test func printsNothingAndStartsNoDaemonWhenNoneRuns() async throws {
        try await offThePool {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            // mentord sits next to this mentorctl, so an autostart would succeed and create the socket.
            let ask = ShellCompletion(socket: directory.file("socket"))
            let meetings = try ask.run(["show"], "positional@0", "", shell: "zsh")
            let partners = try ask.run(["add"], "--with", "", shell: "bash")
            for result in [meetings, partners] {
                #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
                #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(result)")
            }
            #expect(!FileManager.default.fileExists(atPath: directory.file("socket")), "no daemon was started")
            // What needs no daemon still completes.
            #expect(try ask.lines(["done"], "positional@1", "pu", shell: "bash") == ["purpose"])
        }
    }

    @Test func givesUpOnAStoppedDaemonWithinItsTimeout() async throws {
        try await offThePool {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            kill(daemon.pid, SIGSTOP)
            defer { kill(daemon.pid, SIGCONT) }
            let started = Date()
            let result = try ShellCompletion(socket: daemon.socketPath).run(["show"], "positional@0", "", shell: "bash")
            // Without the timeout this would hang the shell for good (and this test, until ProcessRunner
            // kills it); the bound is far above the timeout, for a loaded machine.
            #expect(Date().timeIntervalSince(started) < 20)
            #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func theGeneratedBashScriptOffersTheDaemonsMeetings() async throws {
        try await offThePool {
            let daemon = try Self.daemonWithFixtures()
            defer { daemon.directory.remove() }
            let mentorctl = BuildProducts.executable("mentorctl")
            let scriptPath = daemon.directory.file("mentorctl.bash")
            try Self.writeScript("bash", to: scriptPath)
            // What bash does at TAB after `mentorctl show ` and `mentorctl done 1 pa`.
            let session = """
                source "$1"
                complete_at() {
                    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
                    _mentorctl "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
                    printf '%s|' "${COMPREPLY[@]}"; echo
                }
                complete_at "$2" show ''
                complete_at "$2" done 1 pa
                complete_at "$2" add x --with 'S'
                """
            let result = try ProcessRunner.run(
                "/bin/bash", ["-c", session, "bash", scriptPath, mentorctl],
                environment: ["MENTORD_SOCKET": daemon.socketPath, "TZ": "UTC"])
            #expect(result.stdout == "2|1|3|\nparticipation|\nSam Lee|\n", "\(result)")
            #expect(result.stderr.isEmpty, "\(result)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh")))
    func zshShowsEachMeetingsTitleAndTimeBesideItsId() async throws {
        try await offThePool {
            let daemon = try Self.daemonWithFixtures()
            defer { daemon.directory.remove() }
            let functions = daemon.directory.file("zsh-functions")
            try FileManager.default.createDirectory(atPath: functions, withIntermediateDirectories: true)
            try Self.writeScript("zsh", to: functions + "/_mentorctl")
            // compsys runs only in an interactive shell's line editor: drive one on a pseudo-terminal,
            // press TAB after `mentorctl show `, and read the listing until its last line is there.
            let driver = """
                zmodload zsh/zpty
                zpty -b shell zsh -f -i
                zpty -w shell "PS1='%% '; fpath=($1 \\$fpath); autoload -U compinit; compinit -u -D; PATH=$2:\\$PATH"
                zpty -w -n shell $'mentorctl show \\t'
                zpty -r shell listing '*Sam Lee, Thu 2036-12-11 14:00 +00:00*'
                print -r -- "$listing"
                zpty -d shell
                """
            let result = try ProcessRunner.run(
                "/usr/bin/zsh", ["-f", "-c", driver, "zsh", functions, BuildProducts.directory],
                environment: ["MENTORD_SOCKET": daemon.socketPath, "TZ": "UTC", "TERM": "dumb"], timeout: 30)
            #expect(result.stdout.contains("2  -- Career chat with Ana, Thu 2036-12-04 10:00 +00:00"), "\(result)")
            #expect(result.stdout.contains("1  -- Weekly 1:1 with Sam Lee, Thu 2036-12-11 14:00 +00:00"), "\(result)")
        }
    }

    /// The completion script mentorctl generates for `shell`, as `make install` writes it.
    private static func writeScript(_ shell: String, to path: String) throws {
        let script = try ProcessRunner.run(
            BuildProducts.executable("mentorctl"), ["--generate-completion-script", shell])
        #expect(script.status == 0, "\(script)")
        try script.stdout.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A daemon with two upcoming meetings (ids 1 and 2, the second sooner), one that ended (3),
    /// and a relationship without a meeting.
    private static func daemonWithFixtures() throws -> DaemonProcess {
        let daemon = try DaemonProcess()
        let commands = [
            [
                "add", "Weekly 1:1", "--with", "Sam Lee", "--role", "mentee", "--at", "2036-12-11 15:00", "--tz",
                "Europe/Berlin",
            ],
            ["add", "Career chat", "--with", "Ana", "--role", "mentor", "--at", "2036-12-04 10:00", "--tz", "UTC"],
            ["add", "Kick-off", "--with", "Ana", "--at", "2020-01-02 10:00", "--tz", "UTC", "--past"],
            ["relationship", "add", "Kim", "--role", "mentor"],
        ]
        for command in commands {
            let result = try daemon.ctl(command)
            #expect(result.status == 0, "\(result)")
        }
        return daemon
    }
}

/// `mentorctl ---completion` run the way the generated scripts run it, for the word being typed last.
private struct ShellCompletion {
    var socket: String

    /// What mentorctl prints when the shell completes `typed` for `argument` of `command`.
    func run(_ command: [String], _ argument: String, _ typed: String, shell: String, zone: String = "UTC") throws
        -> ProcessResult
    {
        let words = ["mentorctl"] + command + [typed]
        return try ProcessRunner.run(
            BuildProducts.executable("mentorctl"),
            ["---completion"] + command + ["--", argument, String(words.count - 1), String(typed.count)] + words,
            environment: ["MENTORD_SOCKET": socket, "SAP_SHELL": shell, "TZ": zone])
    }

    /// The candidates, one per line.
    func lines(_ command: [String], _ argument: String, _ typed: String, shell: String, zone: String = "UTC") throws
        -> [String]
    {
        let result = try run(command, argument, typed, shell: shell, zone: zone)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
