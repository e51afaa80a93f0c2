import ArgumentParser
import MentorProtocol

struct OfferDeliveredCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delivered", abstract: "Mark an offer delivered.")

    @Argument(help: "The offer's id (see 'mentorctl relationship show NAME').")
    var id: Int64

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(DeliverOffer.self, .init(id: id)) { reply in
                print("Marked offer \(id) delivered: \(reply.offer.description)")
            }
        }
    }
}
