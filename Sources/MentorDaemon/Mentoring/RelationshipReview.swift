import Foundation
import MentorCore
import MentorProtocol
import MentorStore

/// `GetReview`: a relationship's progress from `since` to now, read in one go from every store and
/// counted by the core (``MeetingTally``, ``CommitmentTally``).
struct RelationshipReview: Sendable {
    let stores: MentoringStores
    let clock: any WallClock
    /// The rules in force: the user's zone for days, the review interval.
    let rules: @Sendable () -> ReminderRules

    @Sendable func review(_ parameters: GetReview.Parameters) async throws -> GetReview.Reply {
        let now = clock.now()
        let rules = rules()
        let relationship = try await PartnerLookup(relationships: stores.relationships).relationship(
            parameters.partner, role: parameters.role?.domain)
        let id = relationship.id
        let meetings = try await stores.meetings.meetings(
            MeetingQuery(
                includePast: true, includeCancelled: true, relationshipID: id, limit: MeetingQuery.maximumLimit),
            now: now)
        // Since it began: when it was added, its start day or its first meeting, whichever is earliest.
        let began = LocalDateTime(day: relationship.startedOn)?.instant(in: rules.userZone)
        let since =
            try parameters.since.map { try Self.since($0, zone: rules.userZone, now: now) }
            ?? ([relationship.createdAt] + [began].compactMap { $0 } + meetings.map(\.start)).min()!
        let zones = Dictionary(meetings.map { ($0.id, $0.timeZone) }, uniquingKeysWith: { first, _ in first })
        let captures = try await stores.captures.captures(relationshipID: id)
        // Progress is dated by the meeting it was noted at, so a capture written days later still
        // sits where it belongs on the timeline.
        let progress = try await stores.goals.progress(relationshipID: id)
            .filter { ($0.origin?.occurrence ?? $0.notedAt) >= since }
            .sorted { ($0.origin?.occurrence ?? $0.notedAt) < ($1.origin?.occurrence ?? $1.notedAt) }
        let goals = try await stores.goals.list(relationshipID: id, includeClosed: true).filter { goal in
            goal.createdAt <= now && (goal.closedAt.map { $0 >= since } ?? true)
        }
        let history = try await stores.relationships.phaseHistory(id: id)
        let inForce = history.last { $0.changedAt <= since }
        let phases = (inForce.map { [$0] } ?? []) + history.filter { $0.changedAt > since }
        let contact = try await stores.quiet.contact(relationshipID: id).contact

        let meetingTally = MeetingTally.count(
            meetings,
            captured: Set(captures.map { MeetingOccurrence(meetingID: $0.meetingID, occurrence: $0.occurrence) }),
            from: since, to: now, cadence: relationship.cadence)
        let commitments = CommitmentTally.count(
            try await stores.actions.list(relationshipID: id), from: since, to: now)
        let ratings = captures.filter { $0.occurrence >= since && $0.occurrence <= now }
            .filter { $0.usefulness != nil || $0.relationshipRating != nil }
            .map { capture in
                Wire.RatingPoint(
                    meetingId: capture.meetingID, occurrence: RFC3339.utc(capture.occurrence),
                    localStart: RFC3339.local(capture.occurrence, in: zones[capture.meetingID] ?? rules.userZone),
                    usefulness: capture.usefulness, relationship: capture.relationshipRating)
            }
        return GetReview.Reply(
            relationship: Wire.Relationship(
                relationship, quietSince: RelationshipMethods.quietSince(relationship, contact, now: now)),
            since: RFC3339.utc(since), until: RFC3339.utc(now),
            localSince: RFC3339.local(since, in: rules.userZone), localUntil: RFC3339.local(now, in: rules.userZone),
            goals: goals.map { goal in
                Wire.GoalReview(
                    goal: Wire.Goal(goal),
                    progress: progress.filter { $0.goalID == goal.id }.map(Wire.GoalProgress.init))
            },
            commitments: Wire.CommitmentCounts(
                made: commitments.made, kept: commitments.kept, dropped: commitments.dropped, open: commitments.open,
                carried: commitments.carried),
            meetings: Wire.MeetingCounts(
                held: meetingTally.held, notCaptured: meetingTally.notCaptured, cancelled: meetingTally.cancelled,
                expected: meetingTally.expected),
            ratings: ratings, phases: phases.map(Wire.PhaseChange.init),
            reviewDue: PhaseReview.isDue(
                phase: relationship.phase, since: history.last?.changedAt ?? relationship.createdAt,
                every: rules.policy.reviewEverySeconds, now: now))
    }

    /// Where a span begins: a day in `zone` (`2026-09-01`), a duration back from `now` (`90d`), or
    /// a time in the forms `AddMeeting` takes.
    static func since(_ text: String, zone: TimeZone, now: Date) throws -> Date {
        if let seconds = try? DurationExpression.seconds(text) { return now.addingTimeInterval(-TimeInterval(seconds)) }
        if let day = LocalDateTime(day: text.trimmingCharacters(in: .whitespaces)), day.isValid,
            let start = day.instant(in: zone)
        {
            return start
        }
        do {
            return try TimeExpression.parse(text, in: zone, now: now)
        } catch {
            throw MentordError.invalidTime(
                text: text, reason: "use a day (2026-09-01), a span back from now (90d, 13w) or a time")
        }
    }
}
