import ArgumentParser

struct RelationshipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relationship",
        abstract: "Manage your mentoring relationships: partner, role, cadence and phase.",
        discussion: """
            A relationship is one partner in one role: you can be Sam's mentee and Ana's mentor. \
            Meetings, goals, offers, action items and topics belong to a relationship. Without a \
            subcommand, lists them.

            Phases follow Kram: initiation, cultivation, separation, redefinition. The prompts of \
            each step change with the phase.
            """,
        subcommands: [
            RelationshipAddCommand.self, RelationshipListCommand.self, RelationshipShowCommand.self,
            RelationshipEditCommand.self, RelationshipPhaseCommand.self, RelationshipDeleteCommand.self,
        ],
        defaultSubcommand: RelationshipListCommand.self)
}
