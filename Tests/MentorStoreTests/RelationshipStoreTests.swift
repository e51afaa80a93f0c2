import Foundation
import MentorCore
import MentorStore
import MentorTestSupport
import Testing

struct RelationshipStoreTests {
    @Test func addsARelationshipWithItsDetailsAndInitialPhase() async throws {
        let fixture = try StoreFixture()
        let added = try await fixture.relationships.add(
            partner: " Sam ", role: .mentee, cadence: "every 2 weeks", startedOn: "2026-09-01", phase: .cultivation,
            now: fixture.now)
        #expect(added.partner == "Sam" && added.role == .mentee && added.cadence == "every 2 weeks")
        #expect(added.startedOn == "2026-09-01" && added.phase == .cultivation && added.createdAt == fixture.now)
        #expect(try await fixture.relationships.relationship(id: added.id) == added)
        let history = try await fixture.relationships.phaseHistory(id: added.id)
        #expect(history.map(\.phase) == [.cultivation] && history[0].changedAt == fixture.now)
    }

    @Test func refusesASecondRelationshipWithThePartnerInTheSameRole() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.relationships.add(partner: "Sam", role: .mentee, now: fixture.now)
        await #expect(throws: StoreError.relationshipExists(partner: "SAM", role: .mentee)) {
            try await fixture.relationships.add(partner: "SAM", role: .mentee, now: fixture.now)
        }
        _ = try await fixture.relationships.add(partner: "Sam", role: .mentor, now: fixture.now)
        #expect(try await fixture.relationships.list().count == 2)
    }

    @Test func refusesInvalidDetailsBeforeWriting() async throws {
        let fixture = try StoreFixture()
        await #expect(throws: MeetingValidationError.invalidDay(field: "startedOn", text: "2026-02-30")) {
            try await fixture.relationships.add(
                partner: "Sam", role: .mentee, startedOn: "2026-02-30", now: fixture.now)
        }
        await #expect(throws: MeetingValidationError.emptyText(field: "partner")) {
            try await fixture.relationships.add(partner: "  ", role: .mentee, now: fixture.now)
        }
        let long = String(repeating: "w", count: MentoringLimits.cadenceLength + 1)
        await #expect(throws: MeetingValidationError.textTooLong(field: "cadence", length: 101, limit: 100)) {
            try await fixture.relationships.add(partner: "Sam", role: .mentee, cadence: long, now: fixture.now)
        }
        #expect(try await fixture.relationships.list().isEmpty)
    }

    @Test func findsByNameCaseInsensitivelyWithOrWithoutRole() async throws {
        let fixture = try StoreFixture()
        let mentee = try await fixture.relationships.add(partner: "Sam", role: .mentee, now: fixture.now)
        #expect(try await fixture.relationships.relationship(named: "sam") == mentee)
        #expect(try await fixture.relationships.relationship(named: "SAM", role: .mentee) == mentee)
        await #expect(throws: StoreError.noSuchPartner(partner: "Sam", role: .mentor)) {
            try await fixture.relationships.relationship(named: "Sam", role: .mentor)
        }
        await #expect(throws: StoreError.noSuchPartner(partner: "Ana", role: nil)) {
            try await fixture.relationships.relationship(named: "Ana")
        }
        let mentor = try await fixture.relationships.add(partner: "sam", role: .mentor, now: fixture.now)
        await #expect(throws: StoreError.ambiguousPartner(partner: "Sam")) {
            try await fixture.relationships.relationship(named: "Sam")
        }
        #expect(try await fixture.relationships.relationship(named: "Sam", role: .mentor) == mentor)
    }

    @Test func findsOrCreatesLikeAddingAMeetingDoes() async throws {
        let fixture = try StoreFixture()
        let created = try await fixture.relationships.findOrCreate(partner: "Ana", role: .mentor, now: fixture.now)
        #expect(try await fixture.relationships.findOrCreate(partner: "ana", role: nil, now: fixture.now) == created)
        await #expect(throws: StoreError.roleRequired(partner: "Bob")) {
            try await fixture.relationships.findOrCreate(partner: "Bob", role: nil, now: fixture.now)
        }
        let meeting = try await fixture.meeting(with: "Lee", role: .mentee)
        #expect(meeting.relationship.phase == .initiation && meeting.relationship.cadence.isEmpty)
        #expect(
            try await fixture.relationships.phaseHistory(id: meeting.relationship.id).map(\.phase) == [.initiation],
            "a relationship created by a meeting has its initial phase recorded too")
    }

    @Test func listsByPartnerThenRole() async throws {
        let fixture = try StoreFixture()
        let sam = try await fixture.relationships.add(partner: "sam", role: .mentor, now: fixture.now)
        let ana = try await fixture.relationships.add(partner: "Ana", role: .mentee, now: fixture.now)
        let samToo = try await fixture.relationships.add(partner: "Sam", role: .mentee, now: fixture.now)
        #expect(try await fixture.relationships.list().map(\.id) == [ana.id, samToo.id, sam.id])
    }

    @Test func updatesOnlyTheGivenFields() async throws {
        let fixture = try StoreFixture()
        let added = try await fixture.relationships.add(
            partner: "Sam", role: .mentee, cadence: "weekly", startedOn: "2026-09-01", now: fixture.now)
        let overrides: [Step: Int?] = [.plan: nil, .purpose: 259_200]
        let updated = try await fixture.relationships.update(id: added.id, reminderOverrides: overrides)
        #expect(updated.cadence == "weekly" && updated.startedOn == "2026-09-01")
        #expect(updated.reminderOverrides == overrides)
        let cleared = try await fixture.relationships.update(id: added.id, cadence: " monthly ", startedOn: "")
        #expect(cleared.cadence == "monthly" && cleared.startedOn.isEmpty && cleared.reminderOverrides == overrides)
        #expect(try await fixture.relationships.relationship(id: added.id) == cleared)
        await #expect(throws: StoreError.noSuchRelationship(id: 99)) {
            try await fixture.relationships.update(id: 99, cadence: "x")
        }
        await #expect(throws: MeetingValidationError.invalidDay(field: "startedOn", text: "1 Sep")) {
            try await fixture.relationships.update(id: added.id, startedOn: "1 Sep")
        }
    }

    @Test func keepsThePhaseHistoryInOrder() async throws {
        let fixture = try StoreFixture()
        let added = try await fixture.relationships.add(partner: "Sam", role: .mentee, now: fixture.now)
        let month = TimeInterval(30 * 86_400)
        let grown = try await fixture.relationships.changePhase(
            id: added.id, to: .cultivation, note: " Goals agreed ", now: fixture.now.addingTimeInterval(month))
        #expect(grown.phase == .cultivation)
        let same = try await fixture.relationships.changePhase(
            id: added.id, to: .cultivation, now: fixture.now.addingTimeInterval(2 * month))
        #expect(same == grown, "the current phase again is a review: the relationship stays as it was")
        _ = try await fixture.relationships.changePhase(
            id: added.id, to: .separation, now: fixture.now.addingTimeInterval(3 * month))
        let history = try await fixture.relationships.phaseHistory(id: added.id)
        #expect(history.map(\.phase) == [.initiation, .cultivation, .cultivation, .separation])
        #expect(history.map(\.changedAt) == [0, 1, 2, 3].map { fixture.now.addingTimeInterval($0 * month) })
        #expect(history.map(\.note) == ["", "Goals agreed", "", ""])
        #expect(try await fixture.relationships.relationship(id: added.id).phase == .separation)
        await #expect(throws: StoreError.noSuchRelationship(id: 99)) {
            try await fixture.relationships.phaseHistory(id: 99)
        }
    }

    @Test func refusesToDeleteARelationshipWithMeetingsUnlessForced() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        let id = meeting.relationship.id
        _ = try await fixture.store.add(try fixture.draft("Second"), now: fixture.now)
        try await fillEverything(fixture, meeting: meeting)

        await #expect(throws: StoreError.relationshipHasMeetings(id: id, count: 2)) {
            try await fixture.relationships.delete(id: id)
        }
        #expect(try fixture.rows(in: "meeting") == 2)
        #expect(try fixture.rows(in: "goal") == 1)

        #expect(try await fixture.relationships.delete(id: id, force: true) == 2)
        for table in [
            "relationship", "meeting", "phase_change", "goal", "offer", "answer", "capture", "action_item", "topic",
            "occurrence_goal", "reminder_ledger", "occurrence_exception",
        ] {
            #expect(try fixture.rows(in: table) == 0, "\(table) is empty")
        }
        await #expect(throws: StoreError.noSuchRelationship(id: id)) {
            try await fixture.relationships.delete(id: id, force: true)
        }
    }

    @Test func deletesARelationshipWithoutMeetings() async throws {
        let fixture = try StoreFixture()
        let kept = try await fixture.meeting(with: "Ana")
        let added = try await fixture.relationships.add(partner: "Sam", role: .mentor, now: fixture.now)
        _ = try await fixture.goals.add(relationshipID: added.id, statement: "Speak up", now: fixture.now)
        #expect(try await fixture.relationships.delete(id: added.id) == 0)
        #expect(try await fixture.relationships.list().map(\.id) == [kept.relationship.id])
        #expect(try fixture.rows(in: "goal") == 0)
        #expect(try fixture.rows(in: "phase_change") == 1)
    }

    @Test func aForcedDeleteThatFailsHalfwayChangesNothing() async throws {
        let fixture = try StoreFixture()
        let meeting = try await fixture.meeting()
        try await fillEverything(fixture, meeting: meeting)
        // Fails the last statement of the delete, after the meetings are gone.
        try fixture.execute(
            """
            CREATE TRIGGER keep_relationships BEFORE DELETE ON relationship
            BEGIN SELECT RAISE(ABORT, 'relationships are kept'); END
            """)
        await #expect(throws: StoreError.databaseFailure(reason: "relationships are kept")) {
            try await fixture.relationships.delete(id: meeting.relationship.id, force: true)
        }
        #expect(try await fixture.store.meeting(id: meeting.id) == meeting)
        for table in ["answer", "capture", "action_item", "topic", "occurrence_goal", "reminder_ledger"] {
            #expect(try fixture.rows(in: table) == 1, "\(table) is intact")
        }
    }

    /// One row in every table that hangs off the meeting or its relationship.
    private func fillEverything(_ fixture: StoreFixture, meeting: Meeting) async throws {
        let id = meeting.relationship.id
        let origin = MeetingOccurrence(meetingID: meeting.id, occurrence: meeting.start)
        _ = try await fixture.goals.add(relationshipID: id, statement: "Lead a review", now: fixture.now)
        _ = try await fixture.offers.add(relationshipID: id, kind: .resource, description: "A book", now: fixture.now)
        try await fixture.answers.record(
            meetingID: meeting.id, occurrence: meeting.start, step: .purpose, answers: [("Why?", "Promotion")],
            now: fixture.now)
        try await fixture.captures.save(
            Capture(meetingID: meeting.id, occurrence: meeting.start, capturedAt: fixture.now))
        _ = try await fixture.actionItems.add(
            relationshipID: id, text: "Send the draft", owner: .me, origin: origin, now: fixture.now)
        _ = try await fixture.topics.add(relationshipID: id, text: "Conferences", origin: origin, now: fixture.now)
        try await fixture.occurrenceGoals.setGoal("Agree the plan", meetingID: meeting.id, occurrence: meeting.start)
        try await ReminderLedgerStore(database: fixture.database).record(
            [.purpose], as: .done, meetingID: meeting.id, occurrence: meeting.start, now: fixture.now)
    }
}
