import ArgumentParser
import MentorProtocol

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a meeting's title, partner, time, zone, length or purpose.",
        discussion: """
            Only the options given change. A new --at without --tz is read in the meeting's own zone; \
            --tz alone keeps the meeting at the same instant.

            With a partner's name, the change is to their next meeting; for a repeating one, --at alone \
            moves just that occurrence ('mentorctl edit sam --at "fri 15:00"'), as --occurrence does. \
            With an id, --at moves the whole series.
            """)

    @Argument(help: MeetingReference.help, completion: Completions.recentMeetings)
    var meeting: MeetingReference

    @Option(help: "New title.")
    var title: String?

    @Option(
        name: .customLong("with"), help: ArgumentHelp("New partner.", valueName: "name"),
        completion: Completions.partners)
    var partner: String?

    @Option(name: .customLong("at"), help: ArgumentHelp("New start, in the forms 'add --at' takes.", valueName: "time"))
    var start: String?

    @Option(
        help: ArgumentHelp(
            "Change only this occurrence of a repeating meeting (its original start); only --at may go with it.",
            valueName: "time"))
    var occurrence: String?

    @OptionGroup var details: MeetingDetailOptions

    @OptionGroup var client: ClientOptions

    private func parameters(id: Int64) -> UpdateMeeting.Parameters {
        UpdateMeeting.Parameters(
            id: id, title: title, partner: partner, role: details.role, start: start, timeZone: details.timeZone,
            duration: details.duration, purpose: details.purpose, offsets: details.offsets,
            recurrence: details.recurrence, past: details.past ? true : nil)
    }

    /// Whether --at is the only change asked for.
    private var movesOnly: Bool {
        start != nil
            && UpdateMeeting.Parameters(id: 0, start: start, past: details.past ? true : nil) == parameters(id: 0)
    }

    func validate() throws {
        if occurrence != nil {
            guard movesOnly else {
                throw ValidationError("--occurrence moves one occurrence: give --at and no other change")
            }
            return
        }
        guard parameters(id: 0).changesSomething else {
            throw ValidationError(
                "nothing to change: give at least one of --title, --with, --role, --at, --tz, --duration, --purpose, --offsets, --repeat"
            )
        }
    }

    func run() throws {
        try reportingFailures {
            let daemon = try DaemonClient(client)
            let resolved = try meeting.resolve(daemon)
            let id = resolved.id
            if let occurrence, let start {
                try move(daemon, id: id, occurrence: occurrence, to: start)
                return
            }
            // A name means the partner's next meeting: of a series, that one occurrence.
            if let found = resolved.meeting, !found.recurrence.isEmpty, movesOnly, let picked = resolved.occurrence,
                let start
            {
                try move(daemon, id: id, occurrence: picked, to: start)
                return
            }
            try daemon.perform(UpdateMeeting.self, parameters(id: id)) { reply in
                print("Updated meeting \(reply.meeting.id): \(MeetingFormatter.summary(reply.meeting))")
            }
        }
    }

    /// Moves one occurrence and says, in full, which one and where to: never the words typed
    /// ("thu 19:00" counts from the occurrence, not from today).
    private func move(_ daemon: DaemonClient, id: Int64, occurrence: String, to start: String) throws {
        let parameters = MoveOccurrence.Parameters(
            id: id, occurrence: occurrence, to: start, past: details.past ? true : nil)
        try daemon.perform(MoveOccurrence.self, parameters) { reply in
            let from = (reply.localOccurrence ?? reply.occurrence).map(UserTime.when) ?? occurrence
            let to = (reply.localMovedTo ?? reply.movedTo).map(UserTime.when) ?? start
            print("Moved the \(from) occurrence of \(reply.meeting.title) (meeting \(id)) to \(to)")
        }
    }
}
