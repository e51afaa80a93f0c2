import Foundation
import MentorCore

/// What the mentoring loop knows before one meeting occurrence: the relationship's active goal,
/// what was agreed for this meeting, the last summary, and the open items rolled into it.
///
/// The prompts are filled from it (``promptContext``), and `GetPrep` shows it whole.
struct MeetingContext: Sendable {
    var relationship: Relationship
    var goal: LearningGoal?
    /// Whole days from the occurrence's local day to the goal's target date.
    var daysLeft: Int?
    /// The goal agreed for this occurrence at the last capture, else the meeting's purpose.
    var agreedGoal: String
    var lastSummary: String
    /// Open action items, with ``carried(_:)`` counting this meeting.
    var actions: [ActionItem]
    var topics: [Topic]

    /// An item carried into this many meetings is asked about: is it still relevant?
    static let staleAfter = 3

    /// Meetings an item has been carried into, this one included: the captured meetings since it
    /// came up, plus the one being prepared.
    static func carried(_ timesCarried: Int) -> Int { timesCarried + 1 }

    /// Loads the context of `meeting`'s occurrence at `occurrence`.
    static func load(for meeting: Meeting, occurrence: Date, from stores: MentoringStores) async throws
        -> MeetingContext
    {
        let relationship = meeting.relationship
        let stored = try await stores.cardContexts.context(
            relationshipID: relationship.id, meetingID: meeting.id, occurrence: occurrence)
        let goal = stored.activeGoal
        return MeetingContext(
            relationship: relationship, goal: goal,
            daysLeft: goal.flatMap { daysUntil($0.targetDate, from: occurrence, in: meeting.timeZone) },
            agreedGoal: stored.agreedGoal ?? meeting.purpose, lastSummary: stored.lastCapture?.summary ?? "",
            actions: stored.openActions, topics: stored.openTopics)
    }

    /// The prompts' placeholders, each item one line: "Send the draft (me, due 2026-12-12, carried 2×)".
    var promptContext: PromptContext {
        let stale =
            actions.filter { Self.carried($0.timesCarried) >= Self.staleAfter }.map(\.text)
            + topics.filter { Self.carried($0.timesCarried) >= Self.staleAfter }.map(\.text)
        return PromptContext(
            partner: relationship.partner, goal: goal?.statement, daysLeft: daysLeft,
            openActions: actions.map(Self.line), staleItems: stale,
            parkedTopics: topics.map { "\($0.text) (carried \(Self.carried($0.timesCarried))×)" },
            lastSummary: lastSummary.isEmpty ? nil : lastSummary,
            nextMeetingGoal: agreedGoal.isEmpty ? nil : agreedGoal, phase: relationship.phase)
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

    /// Days from the occurrence's local date to `day` (YYYY-MM-DD); nil without a date.
    static func daysUntil(_ day: String, from instant: Date, in zone: TimeZone) -> Int? {
        guard let date = LocalDateTime(day: day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = calendar.startOfDay(for: instant)
        guard let target = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else {
            return nil
        }
        return calendar.dateComponents([.day], from: start, to: target).day
    }
}
