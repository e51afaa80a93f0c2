import ArgumentParser
import MentorProtocol

struct RelationshipDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a relationship with its goals, offers and items.",
        discussion: """
            A relationship that still has meetings is kept unless --force is given, which deletes its \
            meetings and everything recorded about them too. This cannot be undone; 'mentorctl export \
            --markdown NAME' keeps a copy.
            """)

    @OptionGroup var relationship: PartnerArguments

    @Flag(help: "Also delete its meetings, with their answers and captures.")
    var force = false

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let parameters = DeleteRelationship.Parameters(
                partner: relationship.partner, role: relationship.role, force: force ? true : nil)
            try DaemonClient(client).perform(DeleteRelationship.self, parameters) { reply in
                let meetings = reply.deletedMeetings
                print(
                    "Deleted the relationship with \(relationship.partner)"
                        + (meetings == 0 ? "" : " and its \(meetings) meeting\(meetings == 1 ? "" : "s")"))
            }
        }
    }
}
