import ArgumentParser
import MentorProtocol

/// The relationship a command is about: the partner's name, and the role when the partner is in both.
struct PartnerArguments: ParsableArguments {
    @Argument(
        help: ArgumentHelp("The other person (case-insensitive).", valueName: "name"), completion: Completions.partners)
    var partner: String

    @Option(help: "Your role with them: mentor or mentee (needed only when you are both).")
    var role: Wire.Role?

    /// The call parameters that name this relationship.
    var identifier: RelationshipIdentifier { RelationshipIdentifier(partner: partner, role: role) }
}
