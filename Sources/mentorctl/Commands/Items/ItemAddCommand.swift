import ArgumentParser
import MentorProtocol

/// `action add` and `topic add`.
struct ItemAddCommand<Kind: ItemKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: "Add \(Kind.thing) to a relationship.")
    }

    @OptionGroup var relationship: PartnerArguments

    @Argument(help: ArgumentHelp("What is to be done or discussed, one line.", valueName: "text"))
    var text: String

    @OptionGroup var details: Kind.AddOptions

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let parameters = AddItem.Parameters(
                kind: Kind.kind, partner: relationship.partner, role: relationship.role, text: text,
                owner: details.owner, dueOn: details.dueOn)
            try DaemonClient(client).perform(AddItem.self, parameters) { reply in
                let item = reply.item
                let extras = [item.owner, item.dueOn.isEmpty ? "" : "due \(item.dueOn)"].filter { !$0.isEmpty }
                print(
                    "Added \(Kind.noun) \(item.id) with \(item.partner): \(item.text)"
                        + (extras.isEmpty ? "" : " (\(extras.joined(separator: ", ")))"))
            }
        }
    }
}
