import Foundation
import GRDB
import MentorCore
import MentorStore
import MentorTestSupport
import Testing

/// The schema holds the invariants even against a program that bypasses the store.
struct SchemaInvariantTests {
    @Test(arguments: [
        "UPDATE relationship SET phase = 'dating'",
        "UPDATE relationship SET started_on = '2026-02-30'",
        "UPDATE relationship SET started_on = '1 Sep'",
        "INSERT INTO goal (relationship_id, statement, created_at) VALUES (1, '  ', 0)",
        "INSERT INTO goal (relationship_id, statement, status, created_at) VALUES (1, 'x', 'done', 0)",
        "INSERT INTO goal (relationship_id, statement, created_at, closed_at) VALUES (1, 'x', 0, 5)",
        "INSERT INTO goal (relationship_id, statement, target_date, created_at) VALUES (1, 'x', '2027-1-1', 0)",
        "INSERT INTO offer (relationship_id, kind, description, created_at) VALUES (1, 'money', 'x', 0)",
        "INSERT INTO offer (relationship_id, kind, description, status, created_at) VALUES (1, 'resource', 'x', 'delivered', 0)",
        "INSERT INTO answer (meeting_id, occurrence, step, prompt, answer, answered_at) VALUES (1, 0, 'dance', 'q', 'a', 0)",
        "INSERT INTO capture (meeting_id, occurrence, usefulness, captured_at) VALUES (1, 0, 6, 0)",
        "INSERT INTO capture (meeting_id, occurrence, relationship_rating, captured_at) VALUES (1, 0, 0, 0)",
        "INSERT INTO action_item (relationship_id, text, owner, created_at) VALUES (1, 'x', 'boss', 0)",
        "INSERT INTO action_item (relationship_id, text, owner, status, created_at) VALUES (1, 'x', 'me', 'done', 0)",
        "INSERT INTO action_item (relationship_id, origin_meeting_id, text, owner, created_at) VALUES (1, 1, 'x', 'me', 0)",
        "INSERT INTO topic (relationship_id, text, created_at) VALUES (1, '', 0)",
        "INSERT INTO topic (relationship_id, text, created_at) VALUES (42, 'x', 0)",
        "INSERT INTO occurrence_goal (meeting_id, occurrence, goal) VALUES (1, 0, ' ')",
        "INSERT INTO phase_change (relationship_id, phase, changed_at) VALUES (42, 'initiation', 0)",
    ])
    func refusesRowsThatBreakAnInvariant(sql: String) async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        #expect(meeting.id == 1 && meeting.relationship.id == 1)
        #expect(throws: DatabaseError.self) { try fixture.execute(sql) }
    }

    @Test func reportsAConstraintFailureInsideTheStoreAsAStoreError() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        // Stands for any constraint the store's own checks would miss.
        try fixture.execute(
            """
            CREATE TRIGGER no_topics BEFORE INSERT ON topic
            BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: no topics'); END
            """)
        await #expect(throws: StoreError.databaseFailure(reason: "CHECK constraint failed: no topics")) {
            try await fixture.topics.add(relationshipID: meeting.relationship.id, text: "x", now: fixture.now)
        }
    }

    @Test func readsRowsWrittenWithChecksOffWithoutCrashing() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        let queue = try DatabaseQueue(path: fixture.path)
        defer { try? queue.close() }
        try await queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(
                sql: """
                    UPDATE relationship SET phase = 'unknown';
                    INSERT INTO action_item (relationship_id, text, owner, status, created_at)
                    VALUES (1, 'x', 'boss', 'lost', 0);
                    """)
        }
        #expect(try await fixture.relationships.relationship(id: meeting.relationship.id).phase == .initiation)
        #expect(try await fixture.actionItems.list(relationshipID: meeting.relationship.id).count == 1)
    }
}
