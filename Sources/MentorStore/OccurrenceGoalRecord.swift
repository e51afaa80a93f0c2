import GRDB

/// A row of the `occurrence_goal` table.
struct OccurrenceGoalRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "occurrence_goal"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var meetingId: Int64
    /// The occurrence's start, Unix milliseconds.
    var occurrence: Int64
    var goal: String
}
