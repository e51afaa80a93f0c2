import MentorProtocol

/// A relationship's review (`GetReview`) as text: the pieces `mentorctl review` prints, and the
/// whole as Markdown for `mentorctl export --review`.
public enum ReviewText {
    /// One block per rating from 1 to 5, and `·` for a meeting left unrated: `▂▄·▅▇`.
    public static func sparkline(_ values: [Int?]) -> String {
        let blocks: [Character] = ["▁", "▂", "▄", "▆", "█"]
        return String(values.map { $0.flatMap { (1...5).contains($0) ? blocks[$0 - 1] : nil } ?? "·" })
    }

    /// `▂▄·▅▇  2 -> 5`: the line, then the first and last rating given; empty without ratings.
    public static func trend(_ values: [Int?]) -> String {
        let given = values.compactMap { $0 }
        guard let first = given.first, let last = given.last else { return "" }
        return sparkline(values) + "  \(first) -> \(last)"
    }

    /// `9 made: 5 kept, 1 dropped, 3 open (2 carried)`.
    public static func commitments(_ counts: Wire.CommitmentCounts) -> String {
        "\(counts.made) made: \(counts.kept) kept, \(counts.dropped) dropped, \(counts.open) open"
            + (counts.carried > 0 ? " (\(counts.carried) carried)" : "")
    }

    /// `11 held, 1 not captured, 1 cancelled; 13 expected at weekly`.
    public static func meetings(_ counts: Wire.MeetingCounts, cadence: String) -> String {
        "\(counts.held) held, \(counts.notCaptured) not captured, \(counts.cancelled) cancelled"
            + (counts.expected.map { "; \($0) expected at \(cadence)" } ?? "")
    }

    /// `2026-10-08  4/5  Led the first half`, dated by the meeting it was noted at, on the user's calendar.
    public static func progress(_ entry: Wire.GoalProgress, in zone: UserZone) -> String {
        [
            HouseTime.day(entry.occurrence ?? entry.notedAt ?? "", in: zone), entry.rating.map { "\($0)/5" } ?? "",
            entry.note,
        ]
        .filter { !$0.isEmpty }.joined(separator: "  ")
    }

    /// `Lead a design review (active, by 2027-01-29)`.
    public static func goal(_ goal: Wire.Goal) -> String {
        let state = [goal.status, goal.targetDate.isEmpty ? "" : "by \(goal.targetDate)"].filter { !$0.isEmpty }
        return "\(goal.statement) (\(state.joined(separator: ", ")))"
    }

    /// The review as a Markdown document; user text is escaped as in ``MarkdownExport``.
    /// Days are the user's (`zone`), as the review's span already is.
    public static func markdown(_ review: GetReview.Reply, exportedOn: String, in zone: UserZone) -> String {
        let relationship = review.relationship
        let escape = MarkdownExport.escape
        var blocks = [
            "# Review: \(escape(relationship.partner)) (you are the \(relationship.role.rawValue))",
            "From \(review.localSince.prefix(10)) to \(review.localUntil.prefix(10)). Exported from mentord on \(exportedOn).",
            MarkdownExport.list(
                [
                    "Phase: \(relationship.phase.rawValue)",
                    relationship.cadence.isEmpty ? "" : "Cadence: \(escape(relationship.cadence))",
                    "Meetings: " + meetings(review.meetings, cadence: escape(relationship.cadence)),
                    "Commitments: " + commitments(review.commitments),
                    review.reviewDue ? "A review is due: rate each goal again and decide the phase." : "",
                ].filter { !$0.isEmpty }),
            "## Goals",
        ]
        if review.goals.isEmpty { blocks.append("None.") }
        for entry in review.goals {
            blocks.append("### \(escape(goal(entry.goal)))")
            var lines: [String] = []
            if !entry.goal.successCriteria.isEmpty {
                lines.append("Success looks like: \(escape(entry.goal.successCriteria))")
            }
            lines += entry.progress.map { escape(progress($0, in: zone)) }
            blocks.append(MarkdownExport.list(lines.isEmpty ? ["No progress noted yet."] : lines))
        }
        let usefulness = review.ratings.map(\.usefulness)
        let feeling = review.ratings.map(\.relationship)
        blocks += [
            "## Ratings",
            review.ratings.isEmpty
                ? "None yet."
                : MarkdownExport.list([
                    "Usefulness: `\(trend(usefulness))`", "Relationship: `\(trend(feeling))`",
                ]),
            "## Phases",
            MarkdownExport.list(
                review.phases.map { change in
                    "\(HouseTime.day(change.changedAt, in: zone)): \(change.phase.rawValue)"
                        + (change.note.isEmpty ? "" : ". \(escape(change.note))")
                }),
        ]
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
