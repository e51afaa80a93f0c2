import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// The loop through the real client and outside parsers: refused captures, interactive prep on a
/// terminal, the exports read back. The loop's timing is tested in process (MentorDaemonTests).
struct MentoringLoopTests {
    @Test func capturingTwiceKeepsOneCaptureAndRefusesBadRatings() async throws {
        try await offThePool { [self] in try capturingTwiceKeepsOneCaptureAndRefusesBadRatingsBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func capturingTwiceKeepsOneCaptureAndRefusesBadRatingsBlocking() throws {
        let daemon = try DaemonProcess.forSecondLongReminders()
        defer { daemon.directory.remove() }
        let connection = try daemon.connect()
        let meeting = try connection.call(
            AddMeeting.self, .init(title: "Chat", partner: "Ana", role: .mentor, start: "in 2h", duration: "30m")
        ).meeting
        #expect(throws: VarlinkConnectionError.self) {
            try connection.call(CaptureMeeting.self, .init(meetingId: meeting.id, usefulness: 9))
        }
        #expect(throws: VarlinkConnectionError.self) {
            try connection.call(
                CaptureMeeting.self, .init(meetingId: meeting.id, commitments: [.init(text: "x", dueOn: "2026-02-30")]))
        }
        // Nothing of the refused calls was stored.
        #expect(try connection.call(ListItems.self, .init(partner: "Ana")).items.isEmpty)
        // Capturing before the meeting is allowed, with a warning.
        let early = try connection.call(CaptureMeeting.self, .init(meetingId: meeting.id, summary: "first"))
        #expect(early.warnings.first?.contains("has not started yet") == true)
        _ = try connection.call(CaptureMeeting.self, .init(meetingId: meeting.id, summary: "second"))
        let history = try connection.call(GetHistory.self, .init(partner: "Ana")).entries
        #expect(history.count == 1 && history.first?.capture?.summary == "second")
        // A refused capture leaves the stored one as it was.
        #expect(throws: VarlinkConnectionError.self) {
            try connection.call(
                CaptureMeeting.self,
                .init(meetingId: meeting.id, summary: "third", commitments: [.init(text: "x", dueOn: "2026-13-01")]))
        }
        #expect(try connection.call(GetHistory.self, .init(partner: "Ana")).entries.first?.capture?.summary == "second")
        // Capturing again with another next date moves the next meeting; it does not add a second.
        let next = try #require(
            try connection.call(CaptureMeeting.self, .init(meetingId: meeting.id, nextStart: "in 7d")).nextMeeting)
        let moved = try #require(
            try connection.call(CaptureMeeting.self, .init(meetingId: meeting.id, nextStart: "in 8d")).nextMeeting)
        #expect(moved.id == next.id && moved.start != next.start)
        #expect(try connection.call(GetStatus.self, NoParameters()).meetings == 2)
        // A huge answer is refused, naming the field and the limit.
        #expect {
            try connection.call(
                RecordAnswers.self,
                .init(
                    meetingId: meeting.id, step: .purpose,
                    answers: [.init(step: .purpose, prompt: "Why?", answer: String(repeating: "a", count: 10_001))]))
        } throws: { error in
            (error as? VarlinkConnectionError)?.message.contains("10000") == true
        }
        // Answers for a step that does not exist: the step is not one of the interface's.
        try connection.send(
            Array(
                #"{"method":"io.mentord.RecordAnswers","parameters":{"meetingId":1,"step":"lunch","answers":[]}}"#.utf8)
                + [0])
        #expect(String(decoding: try connection.receiveMessage(), as: UTF8.self).contains("InvalidParameter"))
    }

    /// `mentorctl prep` in a pseudo-terminal, typed at as a person would.
    @Test func interactivePrepAsksOnePromptAtATime() async throws {
        try await offThePool { [self] in try interactivePrepAsksOnePromptAtATimeBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func interactivePrepAsksOnePromptAtATimeBlocking() throws {
        let daemon = try DaemonProcess.forSecondLongReminders()
        defer { daemon.directory.remove() }
        let meeting = try daemon.connect().call(
            AddMeeting.self, .init(title: "Chat", partner: "Ana", role: .mentee, start: "in 2h", duration: "30m")
        ).meeting
        // Each answer is typed once its prompt is on screen; a prompt that never comes fails the test.
        let session = try InteractiveCaptureTests.drive(
            [[">", "My one goal\n"], [">", "\n"], [">", "\u{04}"]], ["prep", String(meeting.id), "purpose"],
            daemon: daemon)
        #expect(session.contains("Recorded 1 answer"), "\(session)")
        let prep = try daemon.connect().call(GetPrep.self, .init(meetingId: meeting.id, step: .purpose))
        #expect(prep.answers.map(\.answer) == ["My one goal"])

        // Ctrl-D at the first prompt records nothing and leaves the step due.
        let empty = try InteractiveCaptureTests.drive(
            [[">", "\u{04}"]], ["prep", String(meeting.id), "purpose"], daemon: daemon)
        #expect(empty.contains("nothing answered"), "\(empty)")
    }
}

/// The interactive capture and `:e` in a pseudo-terminal, typed at as a person would: keys are sent
/// once the question they answer is on screen.
struct InteractiveCaptureTests {
    /// Runs argv[3:] in a pty with the environment of argv[2] (JSON), answering each [expect, keys]
    /// pair of argv[1] in turn; prints the screen and the exit status.
    static let driver = """
        import json, os, pty, select, signal, sys, time
        steps, environment, command = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3:]
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(command[0], command, dict(os.environ, **environment))
        out, seen = b"", 0
        def read(deadline):
            # Never blocks past the deadline: a question that never comes fails the test, not hangs it.
            global out
            ready, _, _ = select.select([fd], [], [], max(0, deadline - time.time()))
            if not ready:
                return False
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return False
            out += chunk
            return bool(chunk)
        def until(text):
            global seen
            deadline = time.time() + 10
            while True:
                found = out.find(text.encode(), seen)
                if found >= 0:
                    seen = found + len(text.encode())
                    return True
                if time.time() >= deadline or not read(deadline):
                    return False
        for expect, keys in steps:
            if not until(expect):
                print("never saw " + repr(expect))
                break
            os.write(fd, keys.encode())
            # The next prompt is looked for past this line's end: the line editor redraws its
            # prompt at every key, and a redraw of this one must not pass for the next prompt.
            if keys.endswith(("\\n", "\\r")):
                until("\\r\\n")
        deadline = time.time() + 10
        while read(deadline):
            pass
        if time.time() >= deadline:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        print(out.decode(errors="replace"))
        print("exit %d" % os.waitstatus_to_exitcode(status))
        """

    /// Runs mentorctl with `arguments` on a terminal, answering each `[expect, keys]` step in turn;
    /// what the terminal showed and the exit status. Never waits past 10 s for a prompt.
    static func drive(_ steps: [[String]], _ arguments: [String], daemon: DaemonProcess, editor: String? = nil)
        throws -> String
    {
        var environment = [
            "XDG_STATE_HOME": daemon.directory.file("state"), "TZ": "UTC", "MENTORD_SOCKET": daemon.socketPath,
        ]
        if let editor { environment["EDITOR"] = editor }
        let steps = String(decoding: try JSONEncoder().encode(steps), as: UTF8.self)
        let plan = String(decoding: try JSONEncoder().encode(environment), as: UTF8.self)
        return try ProcessRunner.run(
            "/usr/bin/python3",
            ["-c", Self.driver, steps, plan, BuildProducts.executable("mentorctl")] + arguments + ["--no-autostart"]
        ).stdout
    }

    @Test func walksThroughTheCaptureCheckingEachAnswerAndKeepsADraftOnCtrlC() async throws {
        try await offThePool { [self] in try walksThroughTheCaptureBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func walksThroughTheCaptureBlocking() throws {
        let daemon = try DaemonProcess.forSecondLongReminders()
        defer { daemon.directory.remove() }
        let connection = try daemon.connect()
        let meeting = try connection.call(
            AddMeeting.self,
            .init(title: "Weekly", partner: "Sam Lee", role: .mentee, start: "in 1s", duration: "1s")
        ).meeting
        let goal = try connection.call(AddGoal.self, .init(partner: "sam", statement: "Lead a review")).goal
        let open = try connection.call(AddItem.self, .init(kind: "action", partner: "sam", text: "Send the draft")).item

        // Ctrl-C halfway: nothing is stored, and the draft is kept, private.
        let left = "\u{1B}[D"
        let stopped = try Self.drive(
            [
                ["[d/k/x]", "d"], ["?\r\n", "Ran the first half\r"], ["about?", "We planned it\r"],
                ["commitment>", "\u{03}"],
                ["draft?", "y"],
            ], ["capture", "sam"], daemon: daemon)
        #expect(stopped.contains("exit 130") && stopped.contains("The draft is in"), "\(stopped)")
        #expect(try connection.call(GetHistory.self, .init(partner: "sam")).entries.isEmpty, "nothing stored")
        let drafts = try FileManager.default.contentsOfDirectory(atPath: daemon.directory.file("state/mentord/drafts"))
        #expect(drafts.count == 1, "\(drafts)")
        let mode =
            try FileManager.default.attributesOfItem(
                atPath: daemon.directory.file("state/mentord/drafts/" + drafts[0]))[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // Picked up again: the draft's answers come back to edit; bad fields are asked again; the
        // arrow keys edit a line instead of typing escape codes into it. A refused answer is edited
        // once it is drawn again (its text, then the erase-to-end): keys sent before that reach the
        // terminal before the line editor's raw mode, and the terminal eats Ctrl-U and arrows.
        let redrawn = "\u{1B}[J"
        let session = try Self.drive(
            [
                ["Pick it up?", "y"], ["[d/k/x]", "\r"], ["?\r\n", "\r"], ["about?", "\r"],
                ["commitment>", "Write the plan by 2036-13-01\r"], ["not a day", ""],
                ["2036-13-01" + redrawn, left + left + left + left + "\u{1B}[3~2\r"],
                ["commitment>", "Sam: send the template\r"], ["commitment>", "\r"], ["topic>", "Budget\r"],
                ["topic>", "\r"], ["next?", "10/06/2036 3pm\r"], ["different countries", ""],
                ["3pm" + redrawn, "\u{15}2036-06-19 15:00\r"],
                ["for?", "Go through the plan\r"], ["mind:", "Bring it written\r"], ["gave", "\r"],
                ["received", "\r"], ["5?", "4/5\r"], ["5?", "five\r"], ["not 'five'", ""],
                ["five" + redrawn, "\u{15}5\r"], ["[y/N]", "n"],
            ], ["capture", "sam"], daemon: daemon)
        #expect(session.contains("-> me, due 2036-12-01: Write the plan"), "\(session)")
        #expect(session.contains("-> partner: send the template"), "\(session)")
        #expect(session.contains("-> Thu 2036-06-19 15:00 +00:00"), "\(session)")
        #expect(session.contains("exit 0"), "\(session)")
        let history = try connection.call(GetHistory.self, .init(partner: "sam"))
        let capture = try #require(history.entries.first?.capture)
        #expect(capture.summary == "We planned it" && capture.reflection == "Bring it written")
        #expect(capture.usefulness == 4 && capture.relationshipRating == 5)
        let items = try connection.call(ListItems.self, .init(partner: "sam", all: true)).items
        #expect(items.first { $0.id == open.id }?.status == "done")
        #expect(
            Set(
                items.filter { $0.kind == "action" && $0.status == "open" }.map { "\($0.owner) \($0.text) \($0.dueOn)" }
            )
                == ["me Write the plan 2036-12-01", "partner send the template "])
        #expect(items.contains { $0.kind == "topic" && $0.text == "Budget" })
        let review = try connection.call(GetPrep.self, .init(meetingId: meeting.id, step: .purpose)).context
        #expect(review.goals?.map(\.id) == [goal.id])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: daemon.directory.file("state/mentord/drafts")).isEmpty)
    }

    @Test func anAnswerWrittenInTheEditorIsStoredAsWrittenAndShownBack() async throws {
        try await offThePool { [self] in try anAnswerWrittenInTheEditorBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func anAnswerWrittenInTheEditorBlocking() throws {
        let daemon = try DaemonProcess.forSecondLongReminders()
        defer { daemon.directory.remove() }
        let meeting = try daemon.connect().call(
            AddMeeting.self, .init(title: "Chat", partner: "Ana", role: .mentee, start: "in 2h", duration: "30m")
        ).meeting
        // An editor that keeps what the file held and adds two lines after the first, as a person
        // typing at the top would; it also keeps a copy to check that the question is commented.
        let editor = daemon.directory.file("editor.sh")
        let script =
            "#!/bin/sh\ncp \"$1\" \"$1.seen\"\ncp \"$1\" \(daemon.directory.file("seen.txt"))\n"
            + "{ echo 'First line of my answer'; echo 'second line'; cat \"$1.seen\"; } > \"$1\"\n"
        #expect(FileManager.default.createFile(atPath: editor, contents: Data(script.utf8)))
        let session = try Self.drive(
            // Ctrl-D once the next prompt is up: sent earlier, it reaches the terminal before raw mode does.
            [[">", ":e\r"], ["second line", ""], [">", "\u{04}"]], ["prep", String(meeting.id), "purpose"],
            daemon: daemon,
            // Run by sh, not exec'd: a child that another test forked while this file was open for
            // writing holds it open, and exec then fails with "Text file busy" until that child ends.
            editor: "/bin/sh " + editor)
        #expect(session.contains("Saved from the editor:") && session.contains("Recorded 1 answer"), "\(session)")
        let answers = try daemon.connect().call(GetPrep.self, .init(meetingId: meeting.id, step: .purpose)).answers
        #expect(answers.map(\.answer) == ["First line of my answer\nsecond line"])
        let file = try String(contentsOfFile: daemon.directory.file("seen.txt"), encoding: .utf8)
        let lines = file.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("#") }, "only comments around the answer: \(file)")
    }
}

/// `mentorctl export` read back by parsers we did not write.
struct ExportEndToEndTests {
    @Test func icsExportParsesWithThePyPIIcalendarPackage() async throws {
        try await offThePool { [self] in try icsExportParsesWithThePyPIIcalendarPackageBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func icsExportParsesWithThePyPIIcalendarPackageBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        _ = try daemon.ctl([
            "add", "Weekly, with Sam", "--with", "Sam", "--role", "mentee", "--at", "in 3d", "--tz", "Europe/Berlin",
            "--repeat", "weekly", "--offsets", "plan=off",
        ])
        let file = daemon.directory.file("mentord.ics")
        let export = try daemon.ctl(["export", "--ics", "--days", "20", "-o", file])
        #expect(export.status == 0, "\(export)")
        let reader = """
            import icalendar, json, sys
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
            events = [c for c in calendar.walk("VEVENT")]
            print(json.dumps({
                "events": len(events),
                "summary": str(events[0]["SUMMARY"]),
                "alarms": [len(e.walk("VALARM")) for e in events],
            }))
            """
        let parsed = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", reader, file])
        #expect(parsed.status == 0, "\(parsed)")
        struct Parsed: Decodable {
            var events: Int
            var summary: String
            var alarms: [Int]
        }
        let result = try JSONDecoder().decode(Parsed.self, from: Data(parsed.stdout.utf8))
        #expect(result.events == 3 && result.summary.hasPrefix("Weekly, with Sam"), "\(parsed.stdout)")
        // Purpose, Preparation and Participation ring; Plan is off; capture is after the meeting.
        #expect(result.alarms.allSatisfy { $0 >= 3 }, "\(result.alarms)")
    }

    @Test func markdownExportOfARealRelationship() async throws {
        try await offThePool { [self] in try markdownExportOfARealRelationshipBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func markdownExportOfARealRelationshipBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        _ = try daemon.ctl(["relationship", "add", "Kim", "--role", "mentor"])
        _ = try daemon.ctl(["goal", "add", "Kim", "Ship the first open-source patch"])
        let meeting = try daemon.connect().call(
            AddMeeting.self, .init(title: "Kickoff", partner: "Kim", start: "in 2h", duration: "45m")
        ).meeting
        // The private note comes from standard input, never from the command line.
        let captured = try daemon.ctl(
            [
                "capture", String(meeting.id), "--summary", "Set expectations", "--private-note", "-",
                "--commit", "partner: Read the contributing guide",
            ], input: "Nervous but good\n")
        #expect(captured.status == 0, "\(captured)")
        let full = try daemon.ctl(["export", "--markdown", "Kim"])
        let shared = try daemon.ctl(["export", "--markdown", "--shareable", "Kim"])
        #expect(full.status == 0 && full.stdout.contains("Nervous but good"), "\(full)")
        #expect(
            full.stdout.contains("Ship the first open-source patch")
                && full.stdout.contains("Read the contributing guide"))
        #expect(shared.status == 0 && !shared.stdout.contains("Nervous but good"))
        // A file that existed readable by others is private once the notes are in it.
        let file = daemon.directory.file("notes.md")
        #expect(
            FileManager.default.createFile(
                atPath: file, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644]))
        #expect(try daemon.ctl(["export", "--markdown", "-o", file]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Nervous but good"))
    }
}

/// Relationships as a user manages them with mentorctl.
struct RelationshipCommandTests {
    @Test func relationshipOffsetsApplyToItsMeetingsAndDeletingNeedsForce() async throws {
        try await offThePool { [self] in try relationshipOffsetsApplyToItsMeetingsAndDeletingNeedsForceBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func relationshipOffsetsApplyToItsMeetingsAndDeletingNeedsForceBlocking() throws {
        let daemon = try DaemonProcess.forSecondLongReminders()
        defer { daemon.directory.remove() }
        #expect(try daemon.ctl(["relationship", "add", "Sam", "--role", "mentee", "--cadence", "weekly"]).status == 0)
        let meeting = try daemon.connect().call(
            AddMeeting.self, .init(title: "Weekly", partner: "Sam", start: "in 3d", duration: "30m")
        ).meeting
        func steps() throws -> [Wire.Step] {
            try daemon.connect().call(ListUpcoming.self, .init(days: 4)).occurrences.first {
                $0.meetingId == meeting.id
            }?
            .reminders.map(\.step) ?? []
        }
        #expect(try steps().contains(.purpose))
        // A redefinition-phase relationship may keep only some steps: set for the relationship.
        let edit = try daemon.ctl(["relationship", "edit", "Sam", "--offsets", "purpose=off,plan=off"])
        #expect(edit.status == 0, "\(edit)")
        #expect(try !steps().contains(.purpose) && !steps().contains(.plan) && steps().contains(.participation))
        #expect(try daemon.ctl(["relationship", "phase", "Sam", "redefinition", "--note", "peers now"]).status == 0)
        let shown = try daemon.ctl(["relationship", "show", "Sam"])
        #expect(shown.stdout.contains("redefinition") && shown.stdout.contains("peers now"), "\(shown)")

        let refused = try daemon.ctl(["relationship", "delete", "Sam"])
        #expect(refused.status == 1 && refused.stderr.contains("--force"), "\(refused)")
        #expect(try daemon.connect().call(GetStatus.self, NoParameters()).meetings == 1)
        let forced = try daemon.ctl(["relationship", "delete", "Sam", "--force"])
        #expect(forced.status == 0, "\(forced)")
        let status = try daemon.connect().call(GetStatus.self, NoParameters())
        #expect(status.meetings == 0 && status.relationships == 0)
    }
}
