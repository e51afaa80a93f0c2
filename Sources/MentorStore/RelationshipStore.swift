import Foundation
import GRDB
import MentorCore

/// Relationships and their phase history: every read and write of them goes through here (meetings
/// also create them, through ``MeetingStore``).
///
/// Each method is one transaction that has committed when it returns.
public struct RelationshipStore: Sendable {
    private let database: MentorDatabase

    public init(database: MentorDatabase) {
        self.database = database
    }

    /// Stores a new relationship and the first entry of its phase history; fails with
    /// ``StoreError/relationshipExists(partner:role:)`` if the partner (case-insensitive) already has
    /// one in `role`.
    public func add(
        partner: String, role: Role, cadence: String = "", startedOn: String = "", phase: Phase = .initiation,
        email: String = "", now: Date
    ) async throws -> Relationship {
        let relationship = try Relationship(
            id: 0, partner: partner, role: role, createdAt: now, cadence: cadence, startedOn: startedOn, phase: phase,
            email: email
        ).validated()
        return try await database.write { db in
            guard
                try !RelationshipRecord.named(relationship.partner, in: db).contains(where: { $0.role == role.rawValue }
                )
            else { throw StoreError.relationshipExists(partner: relationship.partner, role: role) }
            return try RelationshipRecord.create(relationship, note: "", in: db).relationship
        }
    }

    /// The relationship with `partner` (case-insensitive) in `role`, created with defaults if missing.
    /// Without a role, the partner's only relationship.
    public func findOrCreate(partner: String, role: Role?, now: Date) async throws -> Relationship {
        let partner = try FieldRules.requiredLine(partner, field: "partner", limit: MeetingLimits.partnerLength)
        return try await database.write { db in
            try RelationshipRecord.findOrCreate(partner: partner, role: role, now: now, in: db).relationship
        }
    }

    /// The relationship with this id.
    public func relationship(id: Int64) async throws -> Relationship {
        try await database.read { db in try RelationshipRecord.require(id, in: db).relationship }
    }

    /// The relationship with `partner` (case-insensitive) in `role`. Without a role, the partner's only
    /// relationship: ``StoreError/ambiguousPartner(partner:)`` if there is one per role.
    public func relationship(named partner: String, role: Role? = nil) async throws -> Relationship {
        let partner = partner.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await database.read { db in
            let known = try RelationshipRecord.named(partner, in: db)
            if let role {
                guard let match = known.first(where: { $0.role == role.rawValue }) else {
                    throw StoreError.noSuchPartner(partner: partner, role: role)
                }
                return match.relationship
            }
            switch known.count {
            case 0: throw StoreError.noSuchPartner(partner: partner, role: nil)
            case 1: return known[0].relationship
            default: throw StoreError.ambiguousPartner(partner: partner)
            }
        }
    }

    /// Every relationship, by partner then role.
    public func list() async throws -> [Relationship] {
        try await database.read { db in
            try RelationshipRecord.order(sql: "partner COLLATE NOCASE, role, id").fetchAll(db).map(\.relationship)
        }
    }

    /// Changes the given fields; nil leaves a field as it is, an empty string clears it.
    public func update(
        id: Int64, cadence: String? = nil, startedOn: String? = nil, reminderOverrides: [Step: Int?]? = nil,
        email: String? = nil
    ) async throws -> Relationship {
        try await database.write { db in
            var record = try RelationshipRecord.require(id, in: db)
            var relationship = record.relationship
            relationship.cadence = cadence ?? relationship.cadence
            relationship.startedOn = startedOn ?? relationship.startedOn
            relationship.reminderOverrides = reminderOverrides ?? relationship.reminderOverrides
            relationship.email = email ?? relationship.email
            relationship = try relationship.validated()
            record.cadence = relationship.cadence
            record.startedOn = relationship.startedOn
            record.reminderOffsets = ReminderPolicy.overridesText(relationship.reminderOverrides)
            record.email = relationship.email
            try record.checkEmailFree(in: db)
            try record.update(db)
            return record.relationship
        }
    }

    /// Moves the relationship to `phase` and records the change, dated `now`, in its history. The
    /// phase it is already in is recorded too: that is a review (the pair took stock and stayed), and
    /// the history shows when it happened, which is when the next review falls due (``PhaseReview``).
    public func changePhase(id: Int64, to phase: Phase, note: String = "", now: Date) async throws -> Relationship {
        let note = try FieldRules.text(note, field: "note", limit: MentoringLimits.noteLength)
        return try await database.write { db in try Self.record(phase, note: note, id: id, now: now, in: db) }
    }

    /// Records `phase` (a change, or a review when it is the current one) inside a transaction.
    static func record(_ phase: Phase, note: String, id: Int64, now: Date, in db: Database) throws -> Relationship {
        var record = try RelationshipRecord.require(id, in: db)
        if record.phase != phase.rawValue {
            record.phase = phase.rawValue
            try record.update(db)
        }
        var change = PhaseChangeRecord(
            relationshipId: id, phase: phase.rawValue, changedAt: now.millisecondsSince1970, note: note)
        try change.insert(db)
        return record.relationship
    }

    /// The relationship's phase history, oldest first; the first entry is the phase it started in.
    public func phaseHistory(id: Int64) async throws -> [PhaseChange] {
        try await database.read { db in
            _ = try RelationshipRecord.require(id, in: db)
            return try PhaseChangeRecord.filter(sql: "relationship_id = ?", arguments: [id])
                .order(sql: "changed_at, id").fetchAll(db).map(\.domain)
        }
    }

    /// When the relationship entered its current phase or was last reviewed in it: its latest
    /// phase history entry; nil for a relationship without one.
    static func phaseSince(id: Int64, in db: Database) throws -> Date? {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT max(changed_at) FROM phase_change WHERE relationship_id = ?"),
            arguments: [id]
        ).map(Date.init(millisecondsSince1970:))
    }

    /// Deletes the relationship with everything that hangs off it: goals, offers, items, topics and
    /// history. A relationship with meetings is refused (``StoreError/relationshipHasMeetings(id:count:)``)
    /// unless `force`, which deletes the meetings too, with their answers, captures and ledger, all in
    /// one transaction. Returns how many meetings were deleted.
    @discardableResult
    public func delete(id: Int64, force: Bool = false) async throws -> Int {
        try await database.write { db in
            _ = try RelationshipRecord.require(id, in: db)
            let meetings = try MeetingRecord.filter(sql: "relationship_id = ?", arguments: [id]).fetchCount(db)
            guard meetings == 0 || force else { throw StoreError.relationshipHasMeetings(id: id, count: meetings) }
            // Meetings RESTRICT the relationship's deletion; everything else cascades from one or the other.
            try db.execute(sql: "DELETE FROM meeting WHERE relationship_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM relationship WHERE id = ?", arguments: [id])
            return meetings
        }
    }
}
