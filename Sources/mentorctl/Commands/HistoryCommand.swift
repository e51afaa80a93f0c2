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
            let connection = try DaemonClient.connection(client)
            if client.json {
                print(JSONOutput.pretty(try HistoryPages.all(relationship.identifier, from: connection)))
                return
            }
            // Printed as each page comes, so a long history needs no more memory than one page.
            var first = true
            try HistoryPages.read(relationship.identifier, from: connection) { page in
                if first {
                    print(HistoryFormatter.header(page))
                    first = false
                }
                for entry in page.entries { print("\n" + HistoryFormatter.entry(entry)) }
            }
        }
    }
}
