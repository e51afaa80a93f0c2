import ArgumentParser
import MentorProtocol

struct CalendarListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the calendars you follow: kind, last successful sync, events matched and ignored, last error.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(ListCalendarSources.self, NoParameters()) { reply in
                if reply.sources.isEmpty {
                    print("No calendars followed. Follow one with 'mentorctl calendar add FILE|FOLDER|URL'.")
                } else {
                    print(CalendarFormatter.table(reply.sources))
                }
            }
        }
    }
}
