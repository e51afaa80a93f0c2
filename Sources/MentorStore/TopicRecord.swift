import Foundation
import GRDB
import MentorCore

/// A row of the `topic` table.
struct TopicRecord: CarriedItemRecord {
    static let databaseTableName = "topic"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var relationshipId: Int64
    var originMeetingId: Int64?
    var originOccurrence: Int64?
    var text: String
    var status: String
    /// Unix milliseconds.
    var createdAt: Int64
    var closedAt: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ topic: Topic) {
        relationshipId = topic.relationshipID
        originMeetingId = topic.origin?.meetingID
        originOccurrence = topic.origin?.occurrence.millisecondsSince1970
        text = topic.text
        status = topic.status.rawValue
        createdAt = topic.createdAt.millisecondsSince1970
        closedAt = topic.closedAt?.millisecondsSince1970
    }

    static func missing(id: Int64) -> StoreError { .noSuchTopic(id: id) }

    func item(timesCarried: Int) -> Topic {
        Topic(
            id: id!, relationshipID: relationshipId, origin: origin, text: text,
            status: ItemStatus(rawValue: status) ?? .open, createdAt: Date(millisecondsSince1970: createdAt),
            closedAt: closedAt.map(Date.init(millisecondsSince1970:)), timesCarried: timesCarried)
    }
}
