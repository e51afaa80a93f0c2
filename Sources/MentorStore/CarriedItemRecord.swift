import Foundation
import GRDB
import MentorCore

/// A row of a table whose entries are carried from meeting to meeting while open: `action_item` and
/// `topic`. Listing, counting carries and closing are written once, in ``CarriedItems``.
protocol CarriedItemRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    associatedtype Item: Sendable

    var id: Int64? { get }
    var relationshipId: Int64 { get }
    var originMeetingId: Int64? { get }
    /// The origin occurrence's start, Unix milliseconds.
    var originOccurrence: Int64? { get }
    var status: String { get set }
    /// Unix milliseconds; nil while open.
    var closedAt: Int64? { get set }

    /// The error for an id that is not in the table.
    static func missing(id: Int64) -> StoreError
    /// The domain value, with the carries the store counted.
    func item(timesCarried: Int) -> Item
}

extension CarriedItemRecord {
    /// The origin, while its meeting exists.
    var origin: MeetingOccurrence? {
        guard let originMeetingId, let originOccurrence else { return nil }
        return MeetingOccurrence(meetingID: originMeetingId, occurrence: Date(millisecondsSince1970: originOccurrence))
    }
}

/// What action items and topics share: checked insertion, listing with carry counts, and status
/// changes, each run inside the caller's transaction.
enum CarriedItems {
    /// Inserts a validated record after checking that its relationship exists and that its origin
    /// is an occurrence of one of that relationship's meetings.
    static func insert<Record: CarriedItemRecord>(_ record: Record, in db: Database) throws -> Record.Item {
        _ = try RelationshipRecord.require(record.relationshipId, in: db)
        if let origin = record.origin {
            let meeting = try MeetingRow.require(origin, in: db)
            guard meeting.relationship.id == record.relationshipId else {
                throw StoreError.meetingNotInRelationship(meetingID: meeting.id, relationshipID: record.relationshipId)
            }
        }
        var record = record
        try record.insert(db)
        return try fetch(Record.self, id: record.id!, in: db)
    }

    /// The relationship's entries with `status` (every status if nil), in the order they were added.
    static func list<Record: CarriedItemRecord>(
        _ type: Record.Type, relationshipID: Int64, status: ItemStatus?, in db: Database
    ) throws -> [Record.Item] {
        _ = try RelationshipRecord.require(relationshipID, in: db)
        var condition = "item.relationship_id = ?"
        var arguments: StatementArguments = [relationshipID]
        if let status {
            condition += " AND item.status = ?"
            arguments += [status.rawValue]
        }
        return try select(type, where: condition, arguments: arguments, in: db)
    }

    /// The entry with this id.
    static func fetch<Record: CarriedItemRecord>(_ type: Record.Type, id: Int64, in db: Database) throws
        -> Record.Item
    {
        guard let item = try select(type, where: "item.id = ?", arguments: [id], in: db).first else {
            throw Record.missing(id: id)
        }
        return item
    }

    /// Closes the entry as done or dropped (dated `now`), or opens it again. Setting the status it
    /// already has changes nothing, so the first closing date stays.
    static func setStatus<Record: CarriedItemRecord>(
        _ type: Record.Type, id: Int64, to status: ItemStatus, now: Date, in db: Database
    ) throws -> Record.Item {
        guard var record = try Record.fetchOne(db, key: id) else { throw Record.missing(id: id) }
        if record.status != status.rawValue {
            record.status = status.rawValue
            record.closedAt = status == .open ? nil : now.millisecondsSince1970
            try record.update(db)
        }
        return try fetch(type, id: id, in: db)
    }

    /// Rows with their carry count: the captured occurrences of the relationship's meetings that took
    /// place after the entry came up (after its origin occurrence, or its creation without one) and
    /// were captured before it was closed. Counting beats storing a counter, which a capture saved
    /// twice or an item closed and reopened would put wrong.
    private static func select<Record: CarriedItemRecord>(
        _ type: Record.Type, where condition: String, arguments: StatementArguments, in db: Database
    ) throws -> [Record.Item] {
        // Cached: the open items are read for every reminder card (one statement per condition).
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT item.*, (
                        SELECT count(*) FROM capture JOIN meeting ON meeting.id = capture.meeting_id
                        WHERE meeting.relationship_id = item.relationship_id
                            AND capture.occurrence > coalesce(item.origin_occurrence, item.created_at)
                            AND (item.closed_at IS NULL OR capture.captured_at <= item.closed_at)
                    ) AS times_carried
                    FROM \(Record.databaseTableName) AS item
                    WHERE \(condition)
                    ORDER BY item.created_at, item.id
                    """), arguments: arguments)
        return try rows.map { row in try Record(row: row).item(timesCarried: row["times_carried"]) }
    }
}
