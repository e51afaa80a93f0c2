import ArgumentParser
import MentorProtocol

struct RelationshipPhaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase",
        abstract: "Move a relationship into another phase, recording the change in its history.",
        discussion: """
            Phases (Kram): initiation (expectations, cadence, an agreement), cultivation (progress on \
            goals, feedback both ways), separation (what you can now do alone, hand-off), redefinition \
            (peer exchange, lighter prompts).

            Example:
              mentorctl relationship phase Sam cultivation --note "Goals agreed"
            """)

    @OptionGroup var relationship: PartnerArguments

    @Argument(help: "The phase entered: initiation, cultivation, separation or redefinition.")
    var phase: Wire.Phase

    @Option(help: ArgumentHelp("Why, in your words; kept in the phase history.", valueName: "text"))
    var note: String?

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            let parameters = ChangePhase.Parameters(
                partner: relationship.partner, role: relationship.role, phase: phase, note: note)
            try DaemonClient(client).perform(ChangePhase.self, parameters) { reply in
                print(
                    "Moved the relationship with \(reply.relationship.partner) into the "
                        + "\(reply.relationship.phase.rawValue) phase")
            }
        }
    }
}
