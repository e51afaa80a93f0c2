import Foundation
import GRDB
import MentorCore
import MentorTestSupport
import Testing

@testable import MentorStore

struct MigrationTests {
    @Test func migratesAVersion4DatabaseKeepingItsData() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("mentord.sqlite3")
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v4 occurrence exceptions")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO relationship (id, partner, role, created_at) VALUES (1, 'Sam', 'mentee', 1000);
                    INSERT INTO meeting (id, relationship_id, title, start, time_zone, duration_seconds, purpose,
                        created_at, updated_at, reminder_offsets, recurrence)
                    VALUES (7, 1, 'Career chat', 1796119200000, 'Europe/Berlin', 2700, 'Promotion', 1000, 2000,
                        'plan=off', 'FREQ=WEEKLY');
                    INSERT INTO reminder_ledger (meeting_id, occurrence, step, state, changed_at)
                    VALUES (7, 1796119200000, 'purpose', 'done', 3000);
                    INSERT INTO occurrence_exception (meeting_id, occurrence, moved_to)
                    VALUES (7, 1796724000000, NULL);
                    """)
        }
        try queue.close()

        let database = try MentorDatabase(path: path)
        defer { try? database.close() }
        let meeting = try await MeetingStore(database: database).meeting(id: 7)
        #expect(meeting.title == "Career chat" && meeting.purpose == "Promotion" && meeting.durationSeconds == 2700)
        #expect(meeting.reminderOverrides == [.plan: nil] && meeting.recurrence?.rule == "FREQ=WEEKLY")
        #expect(meeting.exceptions == [Date(millisecondsSince1970: 1_796_724_000_000): nil])
        let ledger = try await ReminderLedgerStore(database: database).entries(
            meetingID: 7, occurrence: Date(millisecondsSince1970: 1_796_119_200_000))
        #expect(ledger[.purpose]?.state == .done)

        let relationships = RelationshipStore(database: database)
        let sam = try await relationships.relationship(id: 1)
        #expect(sam.partner == "Sam" && sam.role == .mentee && sam.createdAt == Date(millisecondsSince1970: 1000))
        #expect(
            sam.phase == .initiation && sam.cadence.isEmpty && sam.startedOn.isEmpty && sam.reminderOverrides.isEmpty)
        let history = try await relationships.phaseHistory(id: 1)
        #expect(history.map(\.phase) == [.initiation] && history[0].changedAt == sam.createdAt)
        #expect(try await database.integrityCheck() == ["ok"])
    }

    @Test func addsGoalProgressThenFollowedCalendarsThenTheSeriesIndex() {
        #expect(
            MentorDatabase.knownMigrations.suffix(3) == [
                "v8 goal progress and quiet nudges", "v9 followed calendars", "v10 series index",
            ])
    }
}
