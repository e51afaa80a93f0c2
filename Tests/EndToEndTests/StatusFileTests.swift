import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// The status file a shell prompt reads (`next` beside the socket) from a real daemon, and the
/// shipped bash and zsh snippets reading it.
struct StatusFileTests {
    static let shell = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shell")

    @Test func followsTheNextCardAndGoesAwayOnStop() async throws {
        try await offThePool { [self] in try followsTheNextCardAndGoesAwayOnStopBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func followsTheNextCardAndGoesAwayOnStopBlocking() throws {
        let daemon = try DaemonProcess.forSecondLongReminders()
        defer { daemon.directory.remove() }
        let file = daemon.directory.file("next")
        #expect(!FileManager.default.fileExists(atPath: file), "no card, no file")
        let weekly = try add(daemon, "Weekly", in: "3h", offsets: "plan=2h,participation=15m")
        var line = try #require(waitForLine(in: file) { $0.hasSuffix(" Plan: Weekly with Ana\n") })
        let due = try #require(Int(line.prefix { $0 != " " }))
        #expect(abs(Double(due) - Date().addingTimeInterval(3600).timeIntervalSince1970) < 30, "\(line)")
        // Due in an hour less the seconds since the add (a loaded machine may take a minute).
        let shown = ["1h", "59m", "58m"].map { "[Plan: Weekly with Ana in \($0)] " }
        for snippet in ["mentord-prompt.bash", "mentord-prompt.zsh"] {
            let prompt = try runSnippet(snippet, daemon)
            #expect(shown.contains(prompt ?? ""), "\(snippet): \(prompt ?? "nil")")
        }
        // mentorctl prompt, for other shells, says it the same way.
        let printed = try daemon.ctl(["prompt", "--format", "[%s] "]).stdout
        #expect(shown.map { $0 + "\n" }.contains(printed), "mentorctl prompt: \(printed)")

        // A nearer card replaces it; an edit of the card's meeting rewrites it; removing the
        // nearer one brings the first back.
        let soon = try add(daemon, "Intro", in: "1h", offsets: "participation=30m")
        line = try #require(waitForLine(in: file) { $0.hasSuffix(" Participation: Intro with Ana\n") })
        _ = try daemon.ctl(["edit", "\(soon)", "--title", "Intro call"])
        line = try #require(waitForLine(in: file) { $0.hasSuffix(" Participation: Intro call with Ana\n") })
        _ = try daemon.ctl(["delete", "\(soon)"])
        line = try #require(waitForLine(in: file) { $0.hasSuffix(" Plan: Weekly with Ana\n") })
        #expect(!FileManager.default.fileExists(atPath: file + ".tmp"))

        _ = try daemon.ctl(["delete", "\(weekly)"])
        #expect(waitForLine(in: file) { $0.isEmpty } == "", "no card left, no file")
        _ = try add(daemon, "Weekly", in: "3h", offsets: "plan=2h,participation=15m")
        #expect(waitForLine(in: file) { $0.hasSuffix(" Plan: Weekly with Ana\n") } != nil)
        #expect(daemon.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: file), "a stopped daemon announces nothing")
        #expect(try runSnippet("mentord-prompt.bash", daemon) == "")
    }

    @Test func snippetsShowNothingForAPastOrFarCard() async throws {
        try await offThePool { [self] in try snippetsShowNothingForAPastOrFarCardBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes.
    private func snippetsShowNothingForAPastOrFarCardBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Each due time is written just before each shell reads it, so a slow shell start cannot
        // move the answer across a minute (23h 58m 30s ahead stays in 23h 58m for 30 s).
        for (ahead, expected) in [
            (-120, ""), (2 * 86_400, ""), (30, "[Plan: A with B in under a minute] "),
            (86_400 - 90, "[Plan: A with B in 23h 58m] "),
        ] {
            for snippet in ["mentord-prompt.bash", "mentord-prompt.zsh"] {
                let due = Int(Date().timeIntervalSince1970) + ahead
                try "\(due) Plan: A with B\n".write(toFile: directory.file("next"), atomically: true, encoding: .utf8)
                let shown = try runSnippet(snippet, socket: directory.file("socket"))
                #expect(shown == expected, "\(snippet), due in \(ahead) s")
            }
        }
    }

    @Test func docsShowTheShippedSnippets() throws {
        let docs = try String(
            contentsOf: Self.shell.deletingLastPathComponent().appendingPathComponent("docs/shell-prompt.md"),
            encoding: .utf8)
        for snippet in ["mentord-prompt.bash", "mentord-prompt.zsh"] {
            let text = try String(contentsOf: Self.shell.appendingPathComponent(snippet), encoding: .utf8)
            #expect(docs.contains(text), "docs/shell-prompt.md must show shell/\(snippet) as it is")
        }
    }

    private func add(_ daemon: DaemonProcess, _ title: String, in start: String, offsets: String) throws -> Int64 {
        try daemon.connect().call(
            AddMeeting.self,
            .init(
                title: title, partner: "Ana", role: .mentor, start: "in \(start)", duration: "30m",
                offsets: "purpose=off,preparation=off,plan=off,participation=off,capture=off,capture_again=off,"
                    + offsets)
        ).meeting.id
    }

    /// The file's text once `accept` takes it (nil while the file is missing), or nil after 10 s.
    private func waitForLine(in file: String, _ accept: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(10)
        repeat {
            if let text = try? String(contentsOfFile: file, encoding: .utf8), accept(text) { return text }
            if !FileManager.default.fileExists(atPath: file), accept("") { return "" }
            usleep(10_000)
        } while Date() < deadline
        return nil
    }

    private func runSnippet(_ snippet: String, _ daemon: DaemonProcess) throws -> String? {
        try runSnippet(snippet, socket: daemon.socketPath)
    }

    /// What `snippet` puts in front of the prompt, run by its shell with no startup files.
    private func runSnippet(_ snippet: String, socket: String) throws -> String? {
        let path = Self.shell.appendingPathComponent(snippet).path
        let shell = snippet.hasSuffix(".zsh") ? ["/usr/bin/zsh", "-f"] : ["/bin/bash", "--norc", "--noprofile"]
        let result = try ProcessRunner.run(
            shell[0],
            Array(shell.dropFirst()) + ["-c", "source \(path); __mentord_prompt; printf %s \"$__mentord_ps1\""],
            environment: ["MENTORD_SOCKET": socket])
        guard result.status == 0, result.stderr.isEmpty else { return "status \(result.status): \(result.stderr)" }
        return result.stdout
    }
}
