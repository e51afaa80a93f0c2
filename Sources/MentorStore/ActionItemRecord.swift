import Foundation
import GRDB
import MentorCore

/// A row of the `action_item` table.
struct ActionItemRecord: CarriedItemRecord {
    static let databaseTableName = "action_item"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var relationshipId: Int64
    var originMeetingId: Int64?
    var originOccurrence: Int64?
    var text: String
    var owner: String
    /// `YYYY-MM-DD` or empty.
    var dueOn: String
    var status: String
    /// Unix milliseconds.
    var createdAt: Int64
    var closedAt: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ item: ActionItem) {
        relationshipId = item.relationshipID
        originMeetingId = item.origin?.meetingID
        originOccurrence = item.origin?.occurrence.millisecondsSince1970
        text = item.text
        owner = item.owner.rawValue
        dueOn = item.dueOn
        status = item.status.rawValue
        createdAt = item.createdAt.millisecondsSince1970
        closedAt = item.closedAt?.millisecondsSince1970
    }

    static func missing(id: Int64) -> StoreError { .noSuchActionItem(id: id) }

    func item(timesCarried: Int) -> ActionItem {
        ActionItem(
            id: id!, relationshipID: relationshipId, origin: origin, text: text,
            owner: ItemOwner(rawValue: owner) ?? .me, dueOn: dueOn, status: ItemStatus(rawValue: status) ?? .open,
            createdAt: Date(millisecondsSince1970: createdAt),
            closedAt: closedAt.map(Date.init(millisecondsSince1970:)),
            timesCarried: timesCarried)
    }
}
