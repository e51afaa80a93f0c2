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
        let driver = """
            import os, pty, sys, time
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[1], [sys.argv[1], "prep", sys.argv[2], "purpose", "--socket", sys.argv[3], "--no-autostart"])
            out = b""
            def until(text):
                global out
                deadline = time.time() + 10
                while text.encode() not in out and time.time() < deadline:
                    try:
                        out += os.read(fd, 4096)
                    except OSError:
                        break
            for typed in sys.argv[4:]:
                until(">")
                out = out.replace(b">", b"]", out.count(b">"))
                os.write(fd, typed.encode() if typed != "EOF" else b"\\x04")
            time.sleep(0.5)
            try:
                while True:
                    chunk = os.read(fd, 4096)
                    if not chunk: break
                    out += chunk
            except OSError:
                pass
            os.waitpid(pid, 0)
            print(out.decode(errors="replace"))
            """
        let session = try ProcessRunner.run(
            "/usr/bin/python3",
            [
                "-c", driver, BuildProducts.executable("mentorctl"), String(meeting.id), daemon.socketPath,
                "My one goal\n", "\n", "EOF",
            ])
        #expect(session.stdout.contains("Recorded 1 answer"), "\(session)")
        let prep = try daemon.connect().call(GetPrep.self, .init(meetingId: meeting.id, step: .purpose))
        #expect(prep.answers.map(\.answer) == ["My one goal"])

        // Ctrl-D at the first prompt records nothing and leaves the step due.
        let empty = try ProcessRunner.run(
            "/usr/bin/python3",
            ["-c", driver, BuildProducts.executable("mentorctl"), String(meeting.id), daemon.socketPath, "EOF"])
        #expect(empty.stdout.contains("nothing answered"), "\(empty)")
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
        _ = try daemon.ctl([
            "capture", String(meeting.id), "--summary", "Set expectations", "--private-note", "Nervous but good",
            "--commit", "partner: Read the contributing guide",
        ])
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
