import ArgumentParser
import MentorProtocol

/// `action list` and `topic list`.
struct ItemListCommand<Kind: ItemKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: "List open \(Kind.noun)s, oldest first, with how often each was carried.")
    }

    @Argument(
        help: ArgumentHelp("Only those of this partner (default: every relationship).", valueName: "name"),
        completion: Completions.partners)
    var partner: String?

    @Option(help: "Your role with them: mentor or mentee (needed only when you are both).")
    var role: Wire.Role?

    @Flag(help: "Include done and dropped ones.")
    var all = false

    @OptionGroup var client: ClientOptions

    func validate() throws {
        if role != nil, partner == nil { throw ValidationError("--role goes with a partner's name") }
    }

    func run() throws {
        try reportingFailures {
            let parameters = ListItems.Parameters(kind: Kind.kind, partner: partner, role: role, all: all ? true : nil)
            try DaemonClient(client).perform(ListItems.self, parameters) { reply in
                if reply.items.isEmpty {
                    print("No \(all ? "" : "open ")\(Kind.noun)s\(partner.map { " with \($0)" } ?? "").")
                } else {
                    print(RelationshipFormatter.itemTable(reply.items))
                }
            }
        }
    }
}
