import ArgumentParser
import MentorProtocol

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a meeting's title, partner, time, zone, length or purpose.",
        discussion: """
            Only the options given change. A new --at without --tz is read in the meeting's own zone; \
            --tz alone keeps the meeting at the same instant.
            """)

    @Argument(help: "The meeting's id.")
    var id: Int64

    @Option(help: "New title.")
    var title: String?

    @Option(name: .customLong("with"), help: ArgumentHelp("New partner.", valueName: "name"))
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

    private var parameters: UpdateMeeting.Parameters {
        UpdateMeeting.Parameters(
            id: id, title: title, partner: partner, role: details.role, start: start, timeZone: details.timeZone,
            duration: details.duration, purpose: details.purpose, offsets: details.offsets,
            recurrence: details.recurrence)
    }

    func validate() throws {
        if occurrence != nil {
            guard start != nil, parameters.changesSomething,
                UpdateMeeting.Parameters(id: id, start: start) == parameters
            else { throw ValidationError("--occurrence moves one occurrence: give --at and no other change") }
            return
        }
        guard parameters.changesSomething else {
            throw ValidationError(
                "nothing to change: give at least one of --title, --with, --role, --at, --tz, --duration, --purpose, --offsets, --repeat"
            )
        }
    }

    func run() throws {
        try reportingFailures {
            if let occurrence, let start {
                try DaemonClient(client).perform(MoveOccurrence.self, .init(id: id, occurrence: occurrence, to: start))
                { _ in
                    print("Moved the \(occurrence) occurrence of meeting \(id) to \(start)")
                }
                return
            }
            try DaemonClient(client).perform(UpdateMeeting.self, parameters) { reply in
                print("Updated meeting \(reply.meeting.id): \(MeetingFormatter.summary(reply.meeting))")
            }
        }
    }
}
