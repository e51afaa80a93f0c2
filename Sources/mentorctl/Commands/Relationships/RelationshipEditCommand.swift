import ArgumentParser
import MentorProtocol

struct RelationshipEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a relationship's cadence, start date, reminder offsets or e-mail address.",
        discussion: """
            Only the options given change. Offsets set here apply to every meeting of the relationship \
            unless the meeting sets its own; --offsets "" goes back to the configuration.

            Examples:
              mentorctl relationship edit Sam --cadence monthly
              mentorctl relationship edit Ana --offsets purpose=2d,plan=off
              mentorctl relationship edit Sam --email sam@example.org
            """)

    @OptionGroup var relationship: PartnerArguments

    @Option(help: ArgumentHelp("How often you meet, in your words.", valueName: "text"))
    var cadence: String?

    @Option(help: ArgumentHelp("When the relationship began.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(
        help: ArgumentHelp(
            "Per-step reminder offsets for all its meetings, e.g. purpose=2d,plan=off (\"\": as configured).",
            valueName: "step=duration,..."))
    var offsets: String?

    @Option(
        help: ArgumentHelp(
            "Their e-mail address, which 'mentorctl import' matches against event attendees (\"\": none).",
            valueName: "address"))
    var email: String?

    @OptionGroup var client: ClientOptions

    func validate() throws {
        guard cadence != nil || since != nil || offsets != nil || email != nil else {
            throw ValidationError("nothing to change: give at least one of --cadence, --since, --offsets, --email")
        }
    }

    func run() throws {
        try reportingFailures {
            let parameters = UpdateRelationship.Parameters(
                partner: relationship.partner, role: relationship.role, cadence: cadence, startedOn: since,
                offsets: offsets, email: email)
            try DaemonClient(client).perform(UpdateRelationship.self, parameters) { reply in
                print(
                    "Updated relationship \(reply.relationship.id): "
                        + RelationshipFormatter.summary(reply.relationship))
            }
        }
    }
}
