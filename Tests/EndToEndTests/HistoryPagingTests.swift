import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// A relationship whose history is larger than any one reply may be: `history` and `export
/// --markdown` page through it and show all of it.
struct HistoryPagingTests {
    @Test func historyLargerThanOneReplyIsShownAndExportedWhole() async throws {
        try await offThePool { [self] in try historyLargerThanOneReplyIsShownAndExportedWholeBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func historyLargerThanOneReplyIsShownAndExportedWholeBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let added = try daemon.ctl([
            "add", "Weekly", "--with", "Ada", "--role", "mentor", "--at", "2036-12-04 15:00", "--tz", "UTC",
        ])
        #expect(added.status == 0, "\(added)")
        // 140 occurrences with 50 answers of 10,000 characters each, the documented limits: about
        // 70 MB, more than the 64 MiB a client accepts in one reply. Written directly: through the
        // socket this would take a minute.
        let start: Int64 = 2_111_929_200_000  // 2036-12-04T15:00:00Z
        let insert = try ProcessRunner.run(
            "/usr/bin/sqlite3",
            [
                daemon.databasePath,
                """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 6999)
                INSERT INTO answer (meeting_id, occurrence, step, prompt, answer, answered_at)
                SELECT 1, \(start) + (i / 50) * 86400000, 'purpose', 'Prompt ' || (i % 50),
                    'answer ' || i || ' ' || printf('%.*c', 9990, 'x'), \(start) FROM n;
                """,
            ])
        #expect(insert.status == 0, "\(insert)")

        let history = try daemon.ctl(["history", "Ada"])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.components(separatedBy: "Weekly").count - 1 == 140, "every occurrence")
        #expect(history.stdout.contains("answer 0 x") && history.stdout.contains("answer 6999 x"))
        #expect(countAnswers(history.stdout) == 7000)

        let file = daemon.directory.file("notes.md")
        let export = try daemon.ctl(["export", "--markdown", "-o", file])
        #expect(export.status == 0, "\(export)")
        let markdown = try String(contentsOfFile: file, encoding: .utf8)
        #expect(markdown.components(separatedBy: "#### ").count - 1 == 140)
        #expect(countAnswers(markdown) == 7000)
    }

    @Test func pagesFollowOneAnotherWithoutGapsOrRepeats() async throws {
        try await offThePool { [self] in try pagesFollowOneAnotherWithoutGapsOrRepeatsBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func pagesFollowOneAnotherWithoutGapsOrRepeatsBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let connection = try daemon.connect()
        for (title, start) in [("First", "2036-12-04T15:00:00Z"), ("Second", "2036-12-04T15:00:00Z")] {
            let meeting = try connection.call(
                AddMeeting.self,
                .init(title: title, partner: "Ada", role: .mentor, start: start, recurrence: "daily")
            ).meeting
            for day in 4...6 {
                _ = try connection.call(
                    RecordAnswers.self,
                    .init(
                        meetingId: meeting.id, step: .purpose, occurrence: "2036-12-0\(day)T15:00:00Z",
                        answers: [Wire.Answer(step: .purpose, prompt: "Why?", answer: "\(title) \(day)")]))
            }
        }
        let whole = try connection.call(GetHistory.self, .init(partner: "Ada"))
        #expect(whole.entries.count == 6 && whole.next == nil, "without a limit, everything at once")
        var paged: [Wire.HistoryEntry] = []
        var after: String?
        var calls = 0
        repeat {
            let page = try connection.call(GetHistory.self, .init(partner: "Ada", after: after, limit: 4))
            #expect(page.entries.count <= 4)
            paged += page.entries
            after = page.next
            calls += 1
        } while after != nil && calls < 10
        #expect(calls == 2)
        #expect(paged == whole.entries)
        #expect(
            paged.map { $0.answers.first?.answer } == [
                "First 4", "Second 4", "First 5", "Second 5", "First 6", "Second 6",
            ])
        for (parameters, field) in [
            (GetHistory.Parameters(partner: "Ada", limit: 0), "limit"),
            (GetHistory.Parameters(partner: "Ada", after: "yesterday", limit: 5), "after"),
        ] {
            #expect(
                throws: VarlinkConnectionError.remote(
                    VarlinkRemoteError(
                        name: "org.varlink.service.InvalidParameter", parameters: .object(["parameter": .string(field)])
                    ))
            ) {
                try connection.call(GetHistory.self, parameters)
            }
        }
    }

    /// How many of the inserted answers the text holds: each starts `answer N x`.
    private func countAnswers(_ text: String) -> Int {
        text.components(separatedBy: " xxxxxxxxxx").count - 1
    }
}
