import Foundation
import GRDB
import MentorCore

/// A row of the `capture` table.
struct CaptureRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "capture"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var meetingId: Int64
    /// The occurrence's start, Unix milliseconds.
    var occurrence: Int64
    var summary: String
    var reflection: String
    var privateNote: String
    var usefulness: Int?
    var relationshipRating: Int?
    var feedbackGiven: String
    var feedbackReceived: String
    /// Unix milliseconds.
    var nextStart: Int64?
    var nextGoal: String
    /// Unix milliseconds.
    var capturedAt: Int64

    init(_ capture: Capture) {
        meetingId = capture.meetingID
        occurrence = capture.occurrence.millisecondsSince1970
        summary = capture.summary
        reflection = capture.reflection
        privateNote = capture.privateNote
        usefulness = capture.usefulness
        relationshipRating = capture.relationshipRating
        feedbackGiven = capture.feedbackGiven
        feedbackReceived = capture.feedbackReceived
        nextStart = capture.nextStart?.millisecondsSince1970
        nextGoal = capture.nextGoal
        capturedAt = capture.capturedAt.millisecondsSince1970
    }

    var domain: Capture {
        Capture(
            meetingID: meetingId, occurrence: Date(millisecondsSince1970: occurrence), summary: summary,
            reflection: reflection, privateNote: privateNote, usefulness: usefulness,
            relationshipRating: relationshipRating, feedbackGiven: feedbackGiven, feedbackReceived: feedbackReceived,
            nextStart: nextStart.map(Date.init(millisecondsSince1970:)), nextGoal: nextGoal,
            capturedAt: Date(millisecondsSince1970: capturedAt))
    }
}
