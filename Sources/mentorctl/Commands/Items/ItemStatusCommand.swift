import ArgumentParser
import MentorProtocol

/// `action done|drop ID` and `topic done|drop ID`: a closed item stops rolling into meetings.
struct ItemStatusCommand<Kind: ItemKind, Verb: StatusVerb>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Verb.commandName,
            abstract: Verb.abstract(for: Kind.thing),
            discussion: "It stops rolling into the relationship's next meetings.")
    }

    @Argument(help: "Its id (see 'mentorctl \(Kind.kind) list').")
    var id: Int64

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let parameters = SetItemStatus.Parameters(kind: Kind.kind, id: id, status: Verb.status)
            try DaemonClient(client).perform(SetItemStatus.self, parameters) { reply in
                print("\(Verb.report(Kind.noun, id: id)): \(reply.item.text)")
            }
        }
    }
}
