import Foundation
import GRDB
import MentorCore

/// A row of the `calendar_source` table: the one `import` source, or a followed calendar.
struct CalendarSourceRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "calendar_source"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var name: String
    var kind: String
    var location: String
    var defaultRelationshipId: Int64?
    var syncState: String
    /// Unix milliseconds.
    var lastSuccessAt: Int64?
    var lastError: String
    /// Unix milliseconds.
    var createdAt: Int64
    /// `--match` rules, one per line.
    var rules: String
    var settings: String
    var fromConfig: Bool
    var matched: Int
    var ignored: Int
    /// Unix milliseconds.
    var lastAttemptAt: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The source every `mentorctl import` shares (kind `import`), created by the migration.
    static func importSource(in db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM calendar_source WHERE kind = 'import'") { return id }
        // Only a hand-edited database lacks it.
        try db.execute(
            sql: "INSERT INTO calendar_source (name, kind, created_at) VALUES ('import', 'import', ?)",
            arguments: [Date().millisecondsSince1970])
        return db.lastInsertedRowID
    }

    /// The followed calendar named `name` (any case), if there is one.
    static func followed(named name: String, in db: Database) throws -> CalendarSourceRecord? {
        try CalendarSourceRecord.filter(sql: "kind != 'import' AND lower(name) = lower(?)", arguments: [name])
            .fetchOne(db)
    }

    /// The value callers see, with its partner and meeting count.
    func calendar(in db: Database) throws -> FollowedCalendar {
        let relationship = try defaultRelationshipId.flatMap { try RelationshipRecord.fetchOne(db, key: $0) }
        let meetings =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM calendar_event JOIN meeting ON meeting.id = calendar_event.meeting_id
                    WHERE source_id = ? AND meeting.status = 'scheduled'
                    """, arguments: [id]) ?? 0
        return FollowedCalendar(
            id: id ?? 0, name: name, kind: FollowedCalendar.Kind(rawValue: kind) ?? .file, location: location,
            partner: relationship?.partner, role: relationship.flatMap { Role(rawValue: $0.role) },
            rules: rules.split(separator: "\n").map(String.init), settings: settings, fromConfig: fromConfig,
            syncState: syncState, lastSuccessAt: lastSuccessAt.map(Date.init(millisecondsSince1970:)),
            lastAttemptAt: lastAttemptAt.map(Date.init(millisecondsSince1970:)), lastError: lastError,
            matched: matched, ignored: ignored, meetings: meetings)
    }
}
