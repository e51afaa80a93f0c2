import ArgumentParser

struct GoalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal",
        abstract: "Manage the learning goals of a relationship.",
        discussion: """
            The active goal fills the {goal} and {days_left} of the Purpose and Preparation prompts.

            Examples:
              mentorctl goal add Sam "Lead a design review" --by 2026-06-30
              mentorctl goal list Sam
              mentorctl goal done 3
            """,
        subcommands: [
            GoalAddCommand.self, GoalListCommand.self, GoalStatusCommand<DoneVerb>.self,
            GoalStatusCommand<DropVerb>.self,
        ])
}
