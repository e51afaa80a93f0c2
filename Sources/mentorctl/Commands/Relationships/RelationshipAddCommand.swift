import ArgumentParser
import MentorProtocol

struct RelationshipAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a mentoring relationship.",
        discussion: """
            Examples:
              mentorctl relationship add Sam --role mentee --cadence weekly --since 2026-01-15
              mentorctl relationship add Ana --role mentor --phase cultivation

            'mentorctl add --with NAME --role ROLE' also creates the relationship when it is new; add it \
            here first to set its cadence, start date or phase.
            """)

    @Argument(help: ArgumentHelp("The other person, one line.", valueName: "name"))
    var partner: String

    @Option(help: "Your role with them: mentor or mentee.")
    var role: Wire.Role

    @Option(help: ArgumentHelp("How often you meet, in your words, e.g. weekly.", valueName: "text"))
    var cadence: String?

    @Option(help: ArgumentHelp("When the relationship began.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: "The phase it is in: initiation (default), cultivation, separation or redefinition.")
    var phase: Wire.Phase?

    @Option(
        help: ArgumentHelp(
            "Their e-mail address: 'mentorctl import' finds their calendar events by it.", valueName: "address"))
    var email: String?

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let parameters = AddRelationship.Parameters(
                partner: partner, role: role, cadence: cadence, startedOn: since, phase: phase, email: email)
            try DaemonClient(client).perform(AddRelationship.self, parameters) { reply in
                print(
                    "Added relationship \(reply.relationship.id): "
                        + RelationshipFormatter.summary(reply.relationship))
            }
        }
    }
}
