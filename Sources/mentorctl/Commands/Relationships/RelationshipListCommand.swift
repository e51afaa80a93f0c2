import ArgumentParser
import MentorProtocol

struct RelationshipListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List your mentoring relationships, by partner.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(ListRelationships.self, NoParameters()) { reply in
                if reply.relationships.isEmpty {
                    print("No relationships. Add one with 'mentorctl relationship add NAME --role mentor|mentee'.")
                } else {
                    print(RelationshipFormatter.table(reply.relationships))
                }
            }
        }
    }
}
