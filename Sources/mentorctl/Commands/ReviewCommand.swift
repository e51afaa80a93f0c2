import ArgumentParser
import MentorExport
import MentorProtocol

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Look back over months: goals and their progress, commitments, meetings, ratings, phases.",
        discussion: """
            For one relationship, from --since (a day such as 2026-09-01, or a span back such as 90d or \
            13w; default: since it began) to now: each goal with its success criteria and the progress \
            noted at captures, the commitments made and what became of them, the meetings held, not \
            captured and cancelled against the cadence, the two ratings over time, and the phase \
            history. 'mentorctl export --review NAME' writes the same as Markdown.

            Examples:
              mentorctl review sam
              mentorctl review priya --since 13w
            """)

    @Argument(
        help: ArgumentHelp("The partner (a first name or the start of one will do).", valueName: "name"),
        completion: Completions.partners)
    var partner: String

    @Option(help: "Your role with the partner (needed only when you are both).")
    var role: Wire.Role?

    @Option(help: "Where the look back starts: a day (YYYY-MM-DD) or a span back (90d, 13w).")
    var since: String?

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            try DaemonClient(client).perform(GetReview.self, .init(partner: partner, role: role, since: since)) {
                print(Self.render($0))
            }
        }
    }

    /// The review as `mentorctl review` prints it.
    static func render(_ review: GetReview.Reply) -> String {
        let relationship = review.relationship
        var lines = [
            "Review of \(RelationshipFormatter.summary(relationship))",
            "From \(review.localSince.prefix(10)) to \(review.localUntil.prefix(10))",
            "",
            "Goals:" + (review.goals.isEmpty ? " none" : ""),
        ]
        for entry in review.goals {
            lines.append("  " + ReviewText.goal(entry.goal))
            if !entry.goal.successCriteria.isEmpty {
                lines.append("    Success looks like: \(entry.goal.successCriteria)")
            }
            lines += entry.progress.map { "    " + ReviewText.progress($0, in: UserTime.zone) }
            if entry.progress.isEmpty { lines.append("    no progress noted yet") }
        }
        lines.append("Commitments:  " + ReviewText.commitments(review.commitments))
        lines.append("Meetings:     " + ReviewText.meetings(review.meetings, cadence: relationship.cadence))
        if review.ratings.isEmpty {
            lines.append("Ratings:      none yet")
        } else {
            lines.append("Ratings, oldest first:")
            lines.append("  usefulness    " + ReviewText.trend(review.ratings.map(\.usefulness)))
            lines.append("  relationship  " + ReviewText.trend(review.ratings.map(\.relationship)))
        }
        lines.append("Phases:")
        lines += review.phases.map { change in
            "  \(HouseTime.day(change.changedAt, in: UserTime.zone))  \(change.phase.rawValue)"
                + (change.note.isEmpty ? "" : "  \(change.note)")
        }
        if review.reviewDue {
            lines.append("")
            lines.append(
                "A review is due: rate each goal again and decide the phase (the next 'mentorctl capture' asks).")
        }
        return lines.joined(separator: "\n")
    }
}
