import ArgumentParser
import MentorProtocol

struct GoalListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List a relationship's learning goals (by default: active ones).")

    @OptionGroup var relationship: PartnerArguments

    @Flag(help: "Include done and dropped goals.")
    var all = false

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let parameters = ListGoals.Parameters(
                partner: relationship.partner, role: relationship.role, all: all ? true : nil)
            try DaemonClient(client).perform(ListGoals.self, parameters) { reply in
                if reply.goals.isEmpty {
                    print(
                        "No \(all ? "" : "active ")goals with \(relationship.partner). "
                            + "Add one with 'mentorctl goal add \(relationship.partner) \"...\"'.")
                } else {
                    print(RelationshipFormatter.goalTable(reply.goals))
                }
            }
        }
    }
}
