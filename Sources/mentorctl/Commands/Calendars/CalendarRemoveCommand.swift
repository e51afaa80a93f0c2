import ArgumentParser
import MentorProtocol

struct CalendarRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Stop following a calendar: its meetings go, their history stays.",
        discussion: """
            Meetings with nothing recorded are deleted. Those with prep answers, a capture, an agreed \
            goal or items that began at them are cancelled and kept, so history and review still \
            show them. A calendar defined in the configuration file is removed there.
            """)

    @Argument(help: ArgumentHelp("The calendar.", valueName: "name"))
    var name: String

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(RemoveCalendarSource.self, .init(name: name)) { reply in
                var line = "Stopped following \(name): \(CalendarFormatter.count(reply.deleted, "meeting")) deleted"
                if reply.kept > 0 {
                    line += ", \(CalendarFormatter.count(reply.kept, "meeting")) with history kept (cancelled)"
                }
                print(line)
            }
        }
    }
}
