import ArgumentParser

struct OfferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer",
        abstract: "Record what you offered as a mentor: a resource or an introduction.",
        discussion: """
            Offers are listed by 'mentorctl relationship show NAME' until delivered.

            Examples:
              mentorctl offer add Sam resource "Send 'Staff Engineer' by Will Larson"
              mentorctl offer add Sam introduction "Introduce to Priya (platform team)"
              mentorctl offer delivered 2
            """,
        subcommands: [OfferAddCommand.self, OfferDeliveredCommand.self])
}

/// What a mentor can offer.
enum OfferKind: String, CaseIterable, ExpressibleByArgument {
    case resource
    case introduction
}
