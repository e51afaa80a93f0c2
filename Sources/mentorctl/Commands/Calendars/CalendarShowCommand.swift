import ArgumentParser
import MentorProtocol

struct CalendarShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a followed calendar; --unmatched lists the events its last sync left out, and why.")

    @Argument(help: ArgumentHelp("The calendar.", valueName: "name"))
    var name: String

    @Flag(help: "List the events the last sync left out (no rule matched, all-day, no partner, ...).")
    var unmatched = false

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(GetCalendarSource.self, .init(name: name)) { reply in
                print(CalendarFormatter.details(reply.source))
                if unmatched {
                    print(CalendarFormatter.unmatched(reply.unmatched))
                }
            }
        }
    }
}
