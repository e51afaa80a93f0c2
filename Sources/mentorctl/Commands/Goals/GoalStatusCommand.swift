import ArgumentParser
import MentorProtocol

/// `goal done ID` and `goal drop ID`.
struct GoalStatusCommand<Verb: StatusVerb>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Verb.commandName, abstract: Verb.abstract(for: "a learning goal"))
    }

    @Argument(help: "The goal's id (see 'mentorctl goal list NAME').")
    var id: Int64

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(SetGoalStatus.self, .init(id: id, status: Verb.status)) { reply in
                print("\(Verb.report("goal", id: id)): \(reply.goal.statement)")
            }
        }
    }
}
