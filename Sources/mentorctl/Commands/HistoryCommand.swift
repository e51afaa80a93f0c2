import ArgumentParser
import MentorProtocol

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a relationship's meetings over time, with answers, captures and ratings.",
        discussion: """
            Lists every meeting occurrence for which you answered prompts or captured the outcome, \
            oldest first. Private notes are shown: this is your own terminal. For a file to keep or \
            share, see 'mentorctl export --markdown'.

            Example:
              mentorctl history Sam
            """)

    @OptionGroup var relationship: PartnerArguments

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(GetHistory.self, relationship.identifier) { reply in
                print(HistoryFormatter.render(reply))
            }
        }
    }
}
