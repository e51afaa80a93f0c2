import ArgumentParser
import MentorProtocol

struct RelationshipShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a relationship: its details, phase history, goals, offers and open items.",
        discussion: """
            Open action items and topics show how many meetings they have been carried into; a topic \
            carried three times or more is marked "still relevant?".

            Example:
              mentorctl relationship show Sam
            """)

    @OptionGroup var relationship: PartnerArguments

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(GetRelationship.self, relationship.identifier) { reply in
                print(RelationshipFormatter.detail(reply))
            }
        }
    }
}
