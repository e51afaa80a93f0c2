import ArgumentParser
import MentorProtocol

struct GoalAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a learning goal to a relationship.",
        discussion: """
            Example:
              mentorctl goal add Sam "Give a talk" --criteria "Talk given" --by 2026-10-01
            """)

    @OptionGroup var relationship: PartnerArguments

    @Argument(help: ArgumentHelp("What is to be learned or achieved, one line.", valueName: "statement"))
    var statement: String

    @Option(help: ArgumentHelp("How you will know it is reached.", valueName: "text"))
    var criteria: String?

    @Option(help: ArgumentHelp("Target date.", valueName: "YYYY-MM-DD"))
    var by: String?

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let parameters = AddGoal.Parameters(
                partner: relationship.partner, role: relationship.role, statement: statement,
                successCriteria: criteria, targetDate: by)
            let daemon = try DaemonClient(client)
            try daemon.perform(AddGoal.self, parameters) { reply in
                let goal = reply.goal
                let stored = daemon.partner(ofRelationship: goal.relationshipId, typed: relationship.partner)
                print(
                    "Added goal \(goal.id) with \(stored): \(goal.statement)"
                        + (goal.targetDate.isEmpty ? "" : ", by \(goal.targetDate)"))
            }
        }
    }
}
