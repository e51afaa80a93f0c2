import ArgumentParser
import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

struct CaptureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Record what came out of a meeting: open items, goal progress, commitments, the next date and goal.",
        discussion: """
            MEETING is an id, or a partner's name for their latest meeting that has started and has \
            no capture yet. Without any option, in a terminal, mentorctl walks you through it: each \
            open item (d done, k keep, x drop), progress on each goal, the summary, commitments, \
            topics left open, the next date and its goal, a reflection, feedback both ways, the two \
            ratings, and a private note in $EDITOR. Each answer is checked as you type it; Ctrl-D \
            stores what you have typed, Ctrl-C stops and offers to keep a draft (in \
            ~/.local/state/mentord/drafts, mode 0600) that the next capture picks up.

            Commitments and topics roll into the relationship's next meetings until you mark them \
            done. --next creates the next meeting (or moves a series' next occurrence); --goal becomes \
            its Purpose. A capture is stored whole or not at all, and storing it again duplicates \
            nothing. A meeting that has not started yet can be captured too; mentorctl warns.

            A commitment is TEXT, optionally prefixed with the owner (me:, partner:, both:, or the \
            partner's name) and followed by "by YYYY-MM-DD". The private note never goes on the \
            command line (shell history, the process list): --private-note reads it from a file, or \
            from standard input with -.

            Examples:
              mentorctl capture sam
              mentorctl capture 3 --summary "Went through the RFC" \\
                --commit "Send the revised RFC by 2026-12-10" --commit "partner: Introduce me to Kim" \\
                --topic "Conference talk" --next "2026-12-14 15:00" --goal "Decide on the talk" \\
                --usefulness 5 --relationship 4
              mentorctl capture 3 --summary "Hard talk" --private-note - < note.txt
            """)

    @Argument(help: MeetingReference.help, completion: Completions.recentMeetings) var meeting: MeetingReference
    @Option(help: "The occurrence's start; default: the latest that has started.") var occurrence: String?
    @Option(help: "The meeting in brief; shown before the next one.") var summary: String?
    @Option(name: .customLong("commit"), help: ArgumentHelp("A commitment (repeatable).", valueName: "text"))
    var commitments: [String] = []
    @Option(name: .customLong("topic"), help: ArgumentHelp("A topic left open (repeatable).", valueName: "text"))
    var topics: [String] = []
    @Option(help: "When you meet next (forms as for add --at).") var next: String?
    @Option(help: "What the next meeting is for.") var goal: String?
    @Option(help: "One thing you learned or want to remember.") var reflection: String?
    @Option(
        name: .customLong("private-note"),
        help: ArgumentHelp("Read a note for you alone from FILE, or from standard input with -.", valueName: "file"))
    var privateNoteFile: String?
    @Option(help: "How useful the meeting was, 1 to 5.") var usefulness: Int?
    @Option(name: .customLong("relationship"), help: "How the relationship feels, 1 to 5.")
    var relationshipRating: Int?
    @Option(help: "Feedback you gave.") var feedbackGiven: String?
    @Option(help: "Feedback you received.") var feedbackReceived: String?
    @OptionGroup var client: ClientOptions

    /// Whether any field was given on the command line.
    private var anyGiven: Bool {
        summary != nil || !commitments.isEmpty || !topics.isEmpty || next != nil || goal != nil || reflection != nil
            || privateNoteFile != nil || usefulness != nil || relationshipRating != nil || feedbackGiven != nil
            || feedbackReceived != nil
    }

    func validate() throws {
        guard anyGiven || Terminal.isInteractive else {
            throw ValidationError(
                "give at least one of --summary, --commit, --topic, --next, --goal, ... (or run it in a terminal to be asked)"
            )
        }
    }

    func run() throws {
        try reportingFailures {
            let daemon = try DaemonClient(client)
            let resolved = try meeting.resolve(daemon, choice: .capture)
            guard anyGiven else {
                try interactively(daemon, meetingID: resolved.id, occurrence: occurrence ?? resolved.occurrence)
                return
            }
            let parameters = CaptureMeeting.Parameters(
                meetingId: resolved.id, occurrence: occurrence ?? resolved.occurrence, summary: summary,
                commitments: commitments.isEmpty ? nil : try commitments.map(Self.commitment),
                topics: topics.isEmpty ? nil : topics, nextStart: next, nextGoal: goal, reflection: reflection,
                privateNote: try privateNoteFile.map(Self.readNote), usefulness: usefulness,
                relationshipRating: relationshipRating, feedbackGiven: feedbackGiven,
                feedbackReceived: feedbackReceived)
            try daemon.perform(CaptureMeeting.self, parameters) { Self.report($0) }
        }
    }

    /// The walk, with a draft picked up or kept; the capture is sent once, at the end.
    private func interactively(_ daemon: DaemonClient, meetingID: Int64, occurrence: String?) throws {
        let prep = try daemon.call(GetPrep.self, .init(meetingId: meetingID, step: .capture, occurrence: occurrence))
        var draft: CaptureMeeting.Parameters?
        if let kept = CaptureDraft.load(meetingID: meetingID, occurrence: prep.occurrence) {
            let question = "A draft of this capture was kept earlier. Pick it up? [Y/n] "
            guard let key = LineEditor.choose(prompt: question, keys: ["y", "n"], defaultKey: "y") else {
                throw ExitCode(130)
            }
            if key == "y" {
                draft = kept.parameters
            } else {
                CaptureDraft.remove(meetingID: meetingID, occurrence: prep.occurrence)
            }
        }
        var walk = CaptureWalk(daemon: daemon, prep: prep, draft: draft)
        let ending = walk.run()
        let answers = walk.answers
        if ending == .interrupted {
            guard
                LineEditor.choose(prompt: "Keep what you typed as a draft? [Y/n] ", keys: ["y", "n"], defaultKey: "y")
                    == "y"
            else {
                printError("stopped; nothing stored")
                throw ExitCode(130)
            }
            let path = try CaptureDraft(savedAt: Int64(time(nil)), parameters: answers).save()
            printError("stopped; nothing stored. The draft is in \(path): 'mentorctl capture \(meetingID)' picks it up")
            throw ExitCode(130)
        }
        do {
            let reply = try daemon.call(CaptureMeeting.self, answers)
            CaptureDraft.remove(meetingID: meetingID, occurrence: prep.occurrence)
            print("")
            Self.report(reply, localStart: prep.localStart)
        } catch {
            let path = try CaptureDraft(savedAt: Int64(time(nil)), parameters: answers).save()
            throw CommandFailure(
                message: "\(error.userMessage); nothing stored. Your answers are in the draft \(path): "
                    + "'mentorctl capture \(meetingID)' picks it up to fix and store them",
                exitCode: 1)
        }
    }

    /// What was stored, and the next meeting it arranged.
    private static func report(_ reply: CaptureMeeting.Reply, localStart: String? = nil) {
        for warning in reply.warnings { printError("warning: \(UserTime.retimed(warning))") }
        let when = UserTime.when(localStart ?? reply.capture.occurrence)
        print("Captured meeting \(reply.capture.meetingId) (\(when)).")
        if let next = reply.nextMeeting, let occurrence = reply.nextOccurrence {
            let local = UserTime.when(reply.nextLocalStart ?? occurrence)
            print(
                "Next: meeting \(next.id), \(next.title), \(local)"
                    + (reply.capture.nextGoal.isEmpty ? "" : ", goal: \(reply.capture.nextGoal)"))
        }
    }

    /// A commitment given with --commit: the same reading as the interactive one, without names.
    static func commitment(_ text: String) throws -> Wire.Commitment {
        do throws(CommitmentLine.Problem) {
            return try CommitmentLine.read(text, partner: "").wire
        } catch {
            switch error {
            case .unreadableDay(let day):
                throw CommandFailure(
                    message: "--commit '\(text)': '\(day)' is not a day; write by YYYY-MM-DD", exitCode: 64)
            case .empty:
                throw CommandFailure(message: "--commit '\(text)' says nothing to do", exitCode: 64)
            }
        }
    }

    /// The private note from a file, or from standard input for `-`.
    static func readNote(_ path: String) throws -> String {
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CommandFailure(
                message: "cannot read the private note from \(path): \(String(cString: strerror(errno)))", exitCode: 64)
        }
        defer { if descriptor != 0 { close(descriptor) } }
        return String(decoding: FileInput.readAll(descriptor), as: UTF8.self).trimmed
    }
}
