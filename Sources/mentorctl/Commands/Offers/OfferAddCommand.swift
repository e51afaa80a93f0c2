import ArgumentParser
import MentorProtocol

struct OfferAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a resource or an introduction you offer.")

    @OptionGroup var relationship: PartnerArguments

    @Argument(help: "What kind of offer: resource or introduction.")
    var kind: OfferKind

    @Argument(help: ArgumentHelp("What is offered, one line.", valueName: "description"))
    var description: String

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let parameters = AddOffer.Parameters(
                partner: relationship.partner, role: relationship.role, kind: kind.rawValue, description: description)
            let daemon = try DaemonClient(client)
            try daemon.perform(AddOffer.self, parameters) { reply in
                let stored = daemon.partner(ofRelationship: reply.offer.relationshipId, typed: relationship.partner)
                print("Added offer \(reply.offer.id) (\(reply.offer.kind)) to \(stored): \(description)")
            }
        }
    }
}
