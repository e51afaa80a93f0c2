import ArgumentParser

/// `mentorctl action` and `mentorctl topic`.
struct ItemCommand<Kind: ItemKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Kind.kind, abstract: Kind.abstract, discussion: Kind.discussion,
            subcommands: [
                ItemListCommand<Kind>.self, ItemAddCommand<Kind>.self, ItemStatusCommand<Kind, DoneVerb>.self,
                ItemStatusCommand<Kind, DropVerb>.self,
            ],
            defaultSubcommand: ItemListCommand<Kind>.self)
    }
}
