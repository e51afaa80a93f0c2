import Foundation
import MentorCore

/// What the mentoring loop knows before one meeting occurrence: the relationship's active goal,
/// what was agreed for this meeting, the last summary, the open items rolled into it, the offers
/// still to deliver, and whether the relationship is due for a review.
///
/// The prompts are filled from it (``promptContext``), and `GetPrep` shows it whole.
struct MeetingContext: Sendable {
    var relationship: Relationship
    /// The occurrence it is about.
    var occurrence: Date
    var goal: LearningGoal?
    /// Every active goal, ``goal`` first.
    var goals: [LearningGoal]
    /// Whole days from the occurrence's day to the goal's target date, in the user's zone.
    var daysLeft: Int?
    /// The goal agreed for this occurrence at the last capture, else the meeting's purpose.
    var agreedGoal: String
    var lastSummary: String
    /// Open action items, with ``carried(_:)`` counting this meeting.
    var actions: [ActionItem]
    var topics: [Topic]
    /// Offers not delivered yet; shown to a mentor only.
    var offers: [Offer]
    /// The partner's open commitments that are overdue or due within ``checkInWithin`` days of
    /// the occurrence's day.
    var partnerDue: [ActionItem]
    /// Whether a review (``PhaseReview``) is due by the occurrence.
    var reviewDue: Bool
    /// The meeting's number in the relationship (occurrences before it), which turns the prompts.
    var meetingNumber: Int

    /// An item carried into this many meetings is asked about: is it still relevant?
    static let staleAfter = 3
    /// A partner's commitment due within this many days after the meeting gets a check-in question.
    static let checkInWithin = 7

    /// Meetings an item has been carried into, this one included: the captured meetings since it
    /// came up, plus the one being prepared.
    static func carried(_ timesCarried: Int) -> Int { timesCarried + 1 }

    /// Loads the context of `meeting`'s occurrence at `occurrence`, under `rules` (the user's zone
    /// for days, the review interval).
    static func load(for meeting: Meeting, occurrence: Date, from stores: MentoringStores, rules: ReminderRules)
        async throws -> MeetingContext
    {
        let relationship = meeting.relationship
        let stored = try await stores.cardContexts.context(
            relationshipID: relationship.id, meetingID: meeting.id, occurrence: occurrence)
        let goal = stored.activeGoal
        let zone = rules.userZone
        let partnerDue = stored.openActions.filter { item in
            guard item.owner == .partner, let days = daysUntil(item.dueOn, from: occurrence, in: zone) else {
                return false
            }
            return days <= checkInWithin
        }
        return MeetingContext(
            relationship: relationship, occurrence: occurrence, goal: goal, goals: stored.activeGoals,
            daysLeft: goal.flatMap { daysUntil($0.targetDate, from: occurrence, in: zone) },
            agreedGoal: stored.agreedGoal ?? meeting.purpose, lastSummary: stored.lastCapture?.summary ?? "",
            actions: stored.openActions, topics: stored.openTopics,
            offers: relationship.role == .mentor ? stored.openOffers : [], partnerDue: partnerDue,
            reviewDue: PhaseReview.isDue(
                phase: relationship.phase, since: stored.phaseSince ?? relationship.createdAt,
                every: rules.policy.reviewEverySeconds, now: occurrence),
            meetingNumber: stored.earlierOccurrences)
    }

    /// The prompts' placeholders, each item one line: "Send the draft (me, due 2026-12-12, carried 2×)".
    /// An item carried into ``staleAfter`` meetings is listed once, where the card asks whether it
    /// still matters, not also among the open ones.
    var promptContext: PromptContext {
        let isStale = { (times: Int) in Self.carried(times) >= Self.staleAfter }
        let stale =
            actions.filter { isStale($0.timesCarried) }.map(\.text)
            + topics.filter { isStale($0.timesCarried) }.map(\.text)
        return PromptContext(
            partner: relationship.partner, goal: goal?.statement,
            successCriteria: goal.map(\.successCriteria).flatMap { $0.isEmpty ? nil : $0 }, daysLeft: daysLeft,
            openActions: actions.filter { !isStale($0.timesCarried) }.map(Self.line), staleItems: stale,
            parkedTopics: topics.filter { !isStale($0.timesCarried) }.map {
                "\($0.text) (carried \(Self.carried($0.timesCarried))×)"
            },
            partnerDue: partnerDue.map { "\($0.text) (due \($0.dueOn))" }, offers: offers.map(\.description),
            lastSummary: lastSummary.isEmpty ? nil : lastSummary,
            nextMeetingGoal: agreedGoal.isEmpty ? nil : agreedGoal, phase: relationship.phase, reviewDue: reviewDue,
            rotation: meetingNumber)
    }

    private static func line(_ item: ActionItem) -> String {
        let owner =
            switch item.owner {
            case .me: "me"
            case .partner: "them"
            case .both: "both"
            }
        let due = item.dueOn.isEmpty ? "" : ", due \(item.dueOn)"
        return "\(item.text) (\(owner)\(due), carried \(carried(item.timesCarried))×)"
    }

    /// Days from the local date of `instant` in `zone` to `day` (YYYY-MM-DD); nil without a date.
    static func daysUntil(_ day: String, from instant: Date, in zone: TimeZone) -> Int? {
        guard let date = LocalDateTime(day: day) else { return nil }
        let from = LocalDateTime(instant, in: zone)
        return date.dayNumber - from.dayNumber
    }
}
