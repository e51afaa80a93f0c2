import ArgumentParser
import MentorProtocol

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List meetings, earliest first (by default: scheduled ones that have not ended).")

    @Flag(help: "Include past and cancelled meetings.")
    var all = false

    @Flag(help: "Include meetings that have ended.")
    var past = false

    @Flag(help: "Include cancelled meetings.")
    var cancelled = false

    @Option(
        name: .customLong("with"), help: ArgumentHelp("Only meetings with this partner.", valueName: "name"),
        completion: Completions.partners)
    var partner: String?

    @Option(help: "Show at most this many meetings.")
    var limit: Int?

    @OptionGroup var client: ClientOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try reportingFailures {
            let parameters = ListMeetings.Parameters(
                includePast: all || past, includeCancelled: all || cancelled, partner: partner, limit: limit)
            try DaemonClient(client).perform(ListMeetings.self, parameters) { reply in
                if reply.meetings.isEmpty {
                    print(all || past ? "No meetings." : "No upcoming meetings. Add one with 'mentorctl add'.")
                } else {
                    print(MeetingFormatter.table(reply.meetings))
                }
            }
        }
    }
}
