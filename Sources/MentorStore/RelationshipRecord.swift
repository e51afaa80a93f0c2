import Foundation
import GRDB
import MentorCore

/// A row of the `relationship` table.
struct RelationshipRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "relationship"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var partner: String
    var role: String
    /// Unix milliseconds.
    var createdAt: Int64
    var cadence: String = ""
    /// `YYYY-MM-DD` or empty.
    var startedOn: String = ""
    var phase: String = Phase.initiation.rawValue
    /// Canonical per-step overrides (`ReminderPolicy.overridesText`), empty for none.
    var reminderOffsets: String = ""
    /// Lower case; empty for none.
    var email: String = ""

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var relationship: Relationship {
        // The CHECK constraints keep `role` and `phase` to the known values.
        Relationship(
            id: id!, partner: partner, role: Role(rawValue: role) ?? .mentee,
            createdAt: Date(millisecondsSince1970: createdAt), cadence: cadence, startedOn: startedOn,
            phase: Phase(rawValue: phase) ?? .initiation,
            // Written by this code from validated overrides; unreadable text means "none".
            reminderOverrides: (try? ReminderPolicy.offsetOverrides(reminderOffsets)) ?? [:], email: email)
    }

    /// The relationship with `partner` (case-insensitive) in `role`, created if missing. Without a
    /// role, the partner's only relationship.
    static func findOrCreate(partner: String, role: Role?, now: Date, in db: Database) throws -> RelationshipRecord {
        let known = try named(partner, in: db)
        if let role {
            if let match = known.first(where: { $0.role == role.rawValue }) { return match }
            return try create(
                Relationship(id: 0, partner: partner, role: role, createdAt: now), note: "", in: db)
        }
        switch known.count {
        case 0: throw StoreError.roleRequired(partner: partner)
        case 1: return known[0]
        default: throw StoreError.ambiguousPartner(partner: partner)
        }
    }

    /// The partner's relationships (case-insensitive), at most one per role.
    static func named(_ partner: String, in db: Database) throws -> [RelationshipRecord] {
        try RelationshipRecord.filter(sql: "partner = ? COLLATE NOCASE", arguments: [partner])
            .order(sql: "role").fetchAll(db)
    }

    /// Inserts a validated relationship and the first entry of its phase history, dated its creation.
    static func create(_ relationship: Relationship, note: String, in db: Database) throws -> RelationshipRecord {
        var record = RelationshipRecord(
            partner: relationship.partner, role: relationship.role.rawValue,
            createdAt: relationship.createdAt.millisecondsSince1970, cadence: relationship.cadence,
            startedOn: relationship.startedOn, phase: relationship.phase.rawValue,
            reminderOffsets: ReminderPolicy.overridesText(relationship.reminderOverrides), email: relationship.email)
        try record.checkEmailFree(in: db)
        try record.insert(db)
        var change = PhaseChangeRecord(
            relationshipId: record.id!, phase: record.phase, changedAt: record.createdAt, note: note)
        try change.insert(db)
        return record
    }

    /// The row with this id.
    /// Read with every card's prompt context: prepared once.
    static let byID = CachedRequest(RelationshipRecord.filter(sql: "id = ?", arguments: [0]))

    static func require(_ id: Int64, in db: Database) throws -> RelationshipRecord {
        guard let record = try RelationshipRecord.byID.fetchOne(db, arguments: [id]) else {
            throw StoreError.noSuchRelationship(id: id)
        }
        return record
    }
}

// In an extension, so that the struct keeps its synthesized memberwise initializer.
extension RelationshipRecord {
    /// Reads the columns by name, as ``MeetingRecord/init(row:)`` does and for the same reason.
    init(row: Row) throws {
        id = row["id"]
        partner = row["partner"]
        role = row["role"]
        createdAt = row["created_at"]
        cadence = row["cadence"]
        startedOn = row["started_on"]
        phase = row["phase"]
        reminderOffsets = row["reminder_offsets"]
        email = row["email"]
    }

    /// Refuses an e-mail address another relationship has: a calendar attendee must find one
    /// relationship, not two.
    func checkEmailFree(in db: Database) throws {
        guard !email.isEmpty,
            let other = try RelationshipRecord.filter(sql: "email = ? AND id IS NOT ?", arguments: [email, id])
                .fetchOne(db)
        else { return }
        throw StoreError.emailTaken(email: email, partner: other.partner)
    }
}
