import GRDB

/// A row of the `reminder_ledger` table.
struct LedgerRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "reminder_ledger"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var meetingId: Int64
    /// The occurrence's start, Unix milliseconds.
    var occurrence: Int64
    var step: String
    var state: String
    /// Unix milliseconds, only for `snoozed`.
    var snoozedUntil: Int64?
    /// Unix milliseconds.
    var changedAt: Int64
}
