import Foundation
import GRDB
import MentorCore

/// What a reminder card's prompts draw on, read together.
public struct CardContext: Sendable {
    /// The relationship's first active learning goal.
    public var activeGoal: LearningGoal?
    /// The goal agreed for this occurrence at the last capture, if any.
    public var agreedGoal: String?
    /// The capture of the latest earlier occurrence.
    public var lastCapture: Capture?
    public var openActions: [ActionItem]
    public var openTopics: [Topic]
}

/// Reads a card's context in one read transaction, on one connection.
///
/// Why one transaction: this read is on the path of every card, between its due instant and its
/// delivery. Five separate reads cost five hops to a reader connection and back; run side by side
/// they made the pool open more reader connections on the first cards, each open adding
/// milliseconds. In one closure the five statements (all cached) take a fraction of a millisecond,
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
                activeGoal: try GoalStore.list(relationshipID: relationshipID, includeClosed: false, in: db).first,
                agreedGoal: try OccurrenceGoalStore.goal(meetingID: meetingID, occurrence: occurrence, in: db),
                lastCapture: try CaptureStore.latest(relationshipID: relationshipID, before: occurrence, in: db),
                openActions: try CarriedItems.list(
                    ActionItemRecord.self, relationshipID: relationshipID, status: .open, in: db),
                openTopics: try CarriedItems.list(
                    TopicRecord.self, relationshipID: relationshipID, status: .open, in: db))
        }
    }
}
