import Foundation
import GRDB
import MentorCore

/// What a reminder card's prompts draw on, read together.
public struct CardContext: Sendable {
    /// The relationship's active learning goals, oldest first.
    public var activeGoals: [LearningGoal]
    /// The first of them: the one a card names.
    public var activeGoal: LearningGoal? { activeGoals.first }
    /// The goal agreed for this occurrence at the last capture, if any.
    public var agreedGoal: String?
    /// The capture of the latest earlier occurrence.
    public var lastCapture: Capture?
    public var openActions: [ActionItem]
    public var openTopics: [Topic]
    /// What the user offered in the relationship and has not delivered yet.
    public var openOffers: [Offer]
    /// When the relationship entered its phase, or was last reviewed in it.
    public var phaseSince: Date?
    /// How many occurrences of the relationship's scheduled meetings start before this one: the
    /// meeting's number in the relationship, counting from 0.
    public var earlierOccurrences: Int
}

/// Reads a card's context in one read transaction, on one connection.
///
/// Why one transaction: this read is on the path of every card, between its due instant and its
/// delivery. Separate reads cost a hop each to a reader connection and back; run side by side
/// they made the pool open more reader connections on the first cards, each open adding
/// milliseconds. In one closure the statements (all cached) take a fraction of a millisecond,
/// and they see one snapshot.
public struct CardContextStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// The context of `meetingID`'s occurrence at `occurrence`, in relationship `relationshipID`.
    public func context(relationshipID: Int64, meetingID: Int64, occurrence: Date) async throws -> CardContext {
        try await database.read { db in
            CardContext(
                activeGoals: try GoalStore.list(relationshipID: relationshipID, includeClosed: false, in: db),
                agreedGoal: try OccurrenceGoalStore.goal(meetingID: meetingID, occurrence: occurrence, in: db),
                lastCapture: try CaptureStore.latest(relationshipID: relationshipID, before: occurrence, in: db),
                openActions: try CarriedItems.list(
                    ActionItemRecord.self, relationshipID: relationshipID, status: .open, in: db),
                openTopics: try CarriedItems.list(
                    TopicRecord.self, relationshipID: relationshipID, status: .open, in: db),
                openOffers: try OfferStore.list(relationshipID: relationshipID, includeDelivered: false, in: db),
                phaseSince: try RelationshipStore.phaseSince(id: relationshipID, in: db),
                earlierOccurrences: try Self.occurrences(of: relationshipID, before: occurrence, in: db))
        }
    }

    /// How many occurrences of the relationship's scheduled meetings start before `instant`:
    /// series expanded, cancelled occurrences left out.
    static func occurrences(of relationshipID: Int64, before instant: Date, in db: Database) throws -> Int {
        let meetings = try MeetingStore.meetings(
            MeetingQuery(includePast: true, relationshipID: relationshipID, limit: MeetingQuery.maximumLimit),
            now: instant, in: db)
        return meetings.reduce(0) { count, meeting in
            // A moved occurrence may lie before the series' own start: look a year further back.
            let from = meeting.start.addingTimeInterval(-366 * 86_400)
            guard from < instant else { return count }
            return count
                + meeting.occurrences(from: from, through: instant.addingTimeInterval(-0.001), limit: 100_000).count
        }
    }
}
