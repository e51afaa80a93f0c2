import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// Text that would truncate what is stored (U+0000) or take over a terminal (ESC, other C0 and C1
/// controls, bidi overrides) is refused on the way in, and whatever is already stored reaches the
/// terminal escaped; error replies keep integers exact.
struct TextSafetyTests {
    /// An error reply naming a field and the code point refused in it.
    struct Refusal: Decodable, Equatable {
        var error: String
        var parameters: Parameters

        struct Parameters: Decodable, Equatable {
            var field: String
            var codePoint: Int
        }
    }

    /// Sends `parameters` (JSON text) to `method` and returns the reply as received.
    private func rawCall(_ connection: VarlinkConnection, _ method: String, _ parameters: String) throws -> String {
        try connection.send(Array("{\"method\":\"\(method)\",\"parameters\":\(parameters)}".utf8) + [0])
        return String(decoding: try connection.receiveMessage(), as: UTF8.self)
    }

    /// AddMeeting parameters (JSON) with one field replaced, and the field and code point refused.
    static let refusedMeetings: [(parameters: String, field: String, codePoint: Int)] = [
        (#"{"title":"a\u0000b","partner":"Ada","role":"mentor","start":"2036-12-04T15:00:00Z"}"#, "title", 0),
        (
            #"{"title":"x","partner":"Ada","role":"mentor","start":"2036-12-04T15:00:00Z","purpose":"keep\u0000secret"}"#,
            "purpose", 0
        ),
        (#"{"title":"\u0000lead","partner":"Ada","role":"mentor","start":"2036-12-04T15:00:00Z"}"#, "title", 0),
        (#"{"title":"T\u001b[31mRED","partner":"Ada","role":"mentor","start":"2036-12-04T15:00:00Z"}"#, "title", 0x1B),
        (#"{"title":"ring\u0007","partner":"Ada","role":"mentor","start":"2036-12-04T15:00:00Z"}"#, "title", 7),
        (#"{"title":"tab\there","partner":"Ada","role":"mentor","start":"2036-12-04T15:00:00Z"}"#, "title", 9),
        (#"{"title":"c1\u009b31m","partner":"Ada","role":"mentor","start":"2036-12-04T15:00:00Z"}"#, "title", 0x9B),
        (#"{"title":"del\u007f","partner":"Ada","role":"mentor","start":"2036-12-04T15:00:00Z"}"#, "title", 0x7F),
        (#"{"title":"x","partner":"Ada\u202egpj","role":"mentor","start":"2036-12-04T15:00:00Z"}"#, "partner", 0x202E),
        (#"{"title":"iso\u2066late","partner":"Ada","role":"mentor","start":"2036-12-04T15:00:00Z"}"#, "title", 0x2066),
        (
            #"{"title":"x","partner":"Ada","role":"mentor","start":"2036-12-04T15:00:00Z","purpose":"one\ntwo\u001b[2J"}"#,
            "purpose", 0x1B
        ),
    ]

    @Test func refusesNULAndControlCharactersNamingTheFieldAndStoresNothing() async throws {
        try await offThePool { [self] in try refusesNULAndControlCharactersNamingTheFieldAndStoresNothingBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesNULAndControlCharactersNamingTheFieldAndStoresNothingBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let connection = try daemon.connect()
        for (parameters, field, codePoint) in Self.refusedMeetings {
            let reply = try rawCall(connection, AddMeeting.name, parameters)
            let refusal = try? JSONDecoder().decode(Refusal.self, from: Data(reply.utf8))
            #expect(
                refusal
                    == Refusal(
                        error: "io.mentord.ControlCharacter", parameters: .init(field: field, codePoint: codePoint)),
                "\(parameters) -> \(reply)")
        }
        #expect(
            try connection.call(ListMeetings.self, .init(includePast: true, includeCancelled: true)).meetings.isEmpty)
        // Line breaks and tabs stay welcome where text may have several lines.
        let kept = try connection.call(
            AddMeeting.self,
            .init(
                title: "Plain", partner: "Ada", role: .mentor, start: "2036-12-04T15:00:00Z",
                purpose: "one\ntwo\twith a tab"))
        #expect(kept.meeting.purpose == "one\ntwo\twith a tab")
        let refused = try daemon.ctl(["add", "Bell\u{7}", "--with", "Ada", "--at", "2036-12-05 15:00", "--tz", "UTC"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "mentorctl: the title must not contain U+0007 (a control character)\n")
    }

    @Test func refusesNULInAnswersAndNotes() async throws {
        try await offThePool { [self] in try refusesNULInAnswersAndNotesBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func refusesNULInAnswersAndNotesBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let connection = try daemon.connect()
        _ = try connection.call(
            AddMeeting.self, .init(title: "Weekly", partner: "Ada", role: .mentor, start: "2036-12-04T15:00:00Z"))
        let answers = try rawCall(
            connection, RecordAnswers.name,
            #"{"meetingId":1,"step":"purpose","occurrence":"2036-12-04T15:00:00Z","answers":[{"step":"purpose","prompt":"Why?","answer":"keep\u0000secret"}]}"#
        )
        #expect(
            (try? JSONDecoder().decode(Refusal.self, from: Data(answers.utf8)))
                == Refusal(error: "io.mentord.ControlCharacter", parameters: .init(field: "answer", codePoint: 0)),
            "\(answers)")
    }

    @Test func errorRepliesKeepIntegersExact() async throws {
        try await offThePool { [self] in try errorRepliesKeepIntegersExactBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func errorRepliesKeepIntegersExactBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let connection = try daemon.connect()
        for id in ["123456789012345678", "9007199254740993", "-9223372036854775808", "9223372036854775807"] {
            let reply = try rawCall(connection, GetMeeting.name, "{\"id\":\(id)}")
            #expect(reply.contains("\"error\":\"io.mentord.NoSuchMeeting\""), "\(reply)")
            #expect(reply.contains("\"parameters\":{\"id\":\(id)}"), "\(reply)")
        }
    }

    /// Calendar import will bring titles from elsewhere, and older databases may hold anything: what
    /// is stored must not reach the terminal as control sequences.
    @Test func mentorctlEscapesControlCharactersInStoredText() async throws {
        try await offThePool { [self] in try mentorctlEscapesControlCharactersInStoredTextBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func mentorctlEscapesControlCharactersInStoredTextBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        #expect(
            try daemon.ctl([
                "add", "Plain", "--with", "Ada", "--role", "mentor", "--at", "2036-12-04 15:00", "--tz", "UTC",
            ]).status == 0)
        // Written behind the daemon's back, as an older mentord or an import could have stored it.
        let update = try ProcessRunner.run(
            "/usr/bin/sqlite3",
            [
                daemon.databasePath,
                """
                UPDATE meeting SET title = 'T' || char(27) || ']0;pwned' || char(7) || char(27) || '[31mRED'
                    || char(8238) || 'gpj.exe' || char(155) || 'x',
                  purpose = 'one' || char(10) || 'two' || char(13) || 'three' || char(9) || 'tab' || char(8295);
                UPDATE relationship SET partner = 'Ada' || char(27) || '[2J';
                """,
            ])
        #expect(update.status == 0, "\(update)")
        let escapedTitle = #"T\u001B]0;pwned\u0007\u001B[31mRED\u202Egpj.exe\u009Bx"#
        for arguments in [["list"], ["show", "1"], ["upcoming", "--days", "366"], ["relationship", "list"]] {
            let result = try daemon.ctl(arguments)
            #expect(result.status == 0, "\(arguments): \(result)")
            let raw = result.stdout.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
                    || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
            }
            #expect(raw.isEmpty, "\(arguments) printed raw \(raw.map { String($0.value, radix: 16) })")
        }
        let show = try daemon.ctl(["show", "1"]).stdout
        #expect(show.contains("Title:") && show.contains(escapedTitle), "\(show)")
        #expect(show.contains(#"one"# + "\n"), "line breaks of a text of several lines stay line breaks")
        #expect(show.contains(#"two\u000Dthree"#) && show.contains(#"\u2067"#), "\(show)")
        #expect(try daemon.ctl(["relationship", "list"]).stdout.contains(#"Ada\u001B[2J"#))
        // Error messages quote stored or typed text too.
        let missing = try daemon.ctl(["history", "Kim\u{1B}[31m"])
        #expect(
            missing.stderr == #"mentorctl: no relationship with Kim\u001B[31m (see 'mentorctl relationship list')"#
                + "\n")
    }
}
