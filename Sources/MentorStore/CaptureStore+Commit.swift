import Foundation
import GRDB
import MentorCore

/// Everything one capture records, validated, ready for ``CaptureStore/commit(_:now:carry:)``.
public struct CaptureCommit: Sendable {
    /// The capture itself; its occurrence is the one captured.
    public var capture: Capture
    /// The commitments agreed, as items of the relationship (their origin is set on commit).
    public var commitments: [ActionItem]
    /// The topics left open.
    public var topics: [String]
    /// `[limits] max_meetings`, which a next meeting created here counts against.
    public var maximumMeetings: Int
    /// What became of the relationship's open items: done, dropped, or kept open.
    public var itemUpdates: [ItemUpdate]
    /// Where each goal stands (their origin is set on commit).
    public var goalProgress: [GoalProgress]
    /// The phase decided at a review, recorded even when it stays the same.
    public var phase: Phase?

    public init(
        capture: Capture, commitments: [ActionItem], topics: [String], maximumMeetings: Int,
        itemUpdates: [ItemUpdate] = [], goalProgress: [GoalProgress] = [], phase: Phase? = nil
    ) {
        self.capture = capture
        self.commitments = commitments
        self.topics = topics
        self.maximumMeetings = maximumMeetings
        self.itemUpdates = itemUpdates
        self.goalProgress = goalProgress
        self.phase = phase
    }
}

/// A decision about one of the relationship's open items, made at a capture.
public struct ItemUpdate: Sendable, Hashable {
    /// Which table the item is in.
    public enum Kind: String, Sendable, Hashable {
        case action
        case topic
    }

    public var kind: Kind
    public var id: Int64
    /// Done or dropped closes it; open keeps it (or opens it again).
    public var status: ItemStatus

    public init(kind: Kind, id: Int64, status: ItemStatus) {
        self.kind = kind
        self.id = id
        self.status = status
    }
}

/// What a committed capture left: the capture as stored, and the next meeting it arranged.
public struct CaptureOutcome: Sendable {
    public var capture: Capture
    public var nextMeeting: Meeting?
    public var nextOccurrence: Date?
    /// Things the user should know, such as a goal with no meeting to carry it.
    public var warnings: [String]
}

extension CaptureStore {
    /// Records a capture in one transaction: the capture, its commitments and topics, what became
    /// of the open items, each goal's progress, a review's phase decision, the next meeting (found,
    /// moved or created; see ``NextMeetingPlan``) with its agreed goal, and both capture nudges of
    /// the occurrence done. Either all of it is stored or nothing is.
    ///
    /// Capturing the same occurrence again replaces the capture and each goal's progress from it,
    /// and adds only commitments and topics not already recorded for it; a phase already recorded
    /// since the earlier capture is not recorded twice. Repeating a call duplicates nothing.
    public func commit(_ commit: CaptureCommit, now: Date, carry: @escaping LedgerCarry) async throws -> CaptureOutcome
    {
        let capture = try commit.capture.validated()
        let observer = database.changes
        return try await database.write { db in
            let key = MeetingOccurrence(meetingID: capture.meetingID, occurrence: capture.occurrence)
            let meeting = try MeetingRow.require(key, in: db)
            let previous = try CaptureRecord.fetchOne(
                db, key: ["meeting_id": meeting.id, "occurrence": capture.occurrence.millisecondsSince1970])
            let others = try MeetingStore.meetings(
                MeetingQuery(relationshipID: meeting.relationship.id, limit: MeetingQuery.maximumLimit), now: now,
                in: db)
            let (plan, warning) = NextMeetingPlan.plan(
                after: capture.occurrence, of: meeting, nextStart: capture.nextStart, goal: capture.nextGoal,
                arrangedBefore: previous?.nextStart.map(Date.init(millisecondsSince1970:)), others: others)
            let next = try Self.arrange(
                plan, after: meeting, goal: capture.nextGoal, limit: commit.maximumMeetings, now: now, carry: carry,
                changes: observer, in: db)

            var stored = capture
            stored.nextStart = next?.occurrence ?? capture.nextStart
            let record = CaptureRecord(stored)
            try record.upsert(db)
            try Self.addNew(commit.commitments, topics: commit.topics, at: key, of: meeting, now: now, in: db)
            try Self.apply(commit.itemUpdates, in: meeting.relationship.id, now: now, in: db)
            try Self.note(commit.goalProgress, at: key, in: meeting.relationship.id, now: now, in: db)
            if let phase = commit.phase {
                try Self.record(
                    phase, after: previous.map { Date(millisecondsSince1970: $0.capturedAt) },
                    in: meeting.relationship.id, now: now, in: db)
            }
            if let next, !capture.nextGoal.isEmpty {
                try OccurrenceGoalRecord(
                    meetingId: next.meeting.id, occurrence: next.occurrence.millisecondsSince1970,
                    goal: capture.nextGoal
                ).upsert(db)
            }
            // Captured: neither capture nudge of this occurrence is needed any more.
            try ReminderLedgerStore.record(
                [.capture, .captureAgain], as: .done, meetingID: meeting.id, occurrence: capture.occurrence, now: now,
                in: db)
            observer.note(.meeting(meeting.id))
            return CaptureOutcome(
                capture: record.domain, nextMeeting: next?.meeting, nextOccurrence: next?.occurrence,
                warnings: warning.map { [$0] } ?? [])
        }
    }

    /// Closes (or keeps) the relationship's items as decided; an item of another relationship is
    /// refused, so a mistyped id cannot close someone else's commitment.
    private static func apply(_ updates: [ItemUpdate], in relationshipID: Int64, now: Date, in db: Database) throws {
        for update in updates {
            switch update.kind {
            case .action:
                let item = try CarriedItems.fetch(ActionItemRecord.self, id: update.id, in: db)
                guard item.relationshipID == relationshipID else { throw StoreError.noSuchActionItem(id: update.id) }
                _ = try CarriedItems.setStatus(
                    ActionItemRecord.self, id: update.id, to: update.status, now: now, in: db)
            case .topic:
                let topic = try CarriedItems.fetch(TopicRecord.self, id: update.id, in: db)
                guard topic.relationshipID == relationshipID else { throw StoreError.noSuchTopic(id: update.id) }
                _ = try CarriedItems.setStatus(TopicRecord.self, id: update.id, to: update.status, now: now, in: db)
            }
        }
    }

    /// Notes each goal's progress against the occurrence, replacing what an earlier capture of it
    /// noted; a goal of another relationship is refused.
    private static func note(
        _ progress: [GoalProgress], at origin: MeetingOccurrence, in relationshipID: Int64, now: Date,
        in db: Database
    ) throws {
        for entry in progress {
            guard let goal = try GoalRecord.fetchOne(db, key: entry.goalID), goal.relationshipId == relationshipID
            else { throw StoreError.noSuchGoal(id: entry.goalID) }
            var stored = entry
            (stored.origin, stored.notedAt) = (origin, now)
            try GoalStore.save(try stored.validated(), in: db)
        }
    }

    /// Records a review's phase, unless this occurrence's earlier capture (at `previous`) already
    /// recorded the same one.
    private static func record(
        _ phase: Phase, after previous: Date?, in relationshipID: Int64, now: Date, in db: Database
    )
        throws
    {
        if let previous, let since = try RelationshipStore.phaseSince(id: relationshipID, in: db), since >= previous,
            try RelationshipRecord.require(relationshipID, in: db).phase == phase.rawValue
        {
            return
        }
        _ = try RelationshipStore.record(phase, note: "reviewed at a capture", id: relationshipID, now: now, in: db)
    }

    /// Carries out the plan for the next meeting; returns it and its occurrence.
    private static func arrange(
        _ plan: NextMeetingPlan, after meeting: Meeting, goal: String, limit: Int, now: Date,
        carry: @escaping LedgerCarry, changes: ChangeObserver, in db: Database
    ) throws -> (meeting: Meeting, occurrence: Date)? {
        switch plan {
        case .none:
            return nil
        case .existing(let id, let occurrence):
            return (try MeetingStore.meeting(id: id, in: db), occurrence)
        case .moveOccurrence(let id, let original, let from, let to):
            try OccurrenceExceptionRecord.move(meetingID: id, occurrence: original, to: to, in: db)
            let moved = try touch(id, now: now, in: db)
            try OccurrenceMove.apply(moved, from: from, to: to, carry: carry, now: now, changes: changes, in: db)
            return (moved, to)
        case .moveMeeting(let id, let from, let to):
            var record = try MeetingStore.record(id: id, in: db)
            record.start = to.millisecondsSince1970
            record.updatedAt = now.millisecondsSince1970
            try record.update(db)
            let moved = try MeetingStore.meeting(id: id, in: db)
            try OccurrenceMove.apply(moved, from: from, to: to, carry: carry, now: now, changes: changes, in: db)
            return (moved, to)
        case .create(let start):
            let draft = try MeetingDraft(
                title: meeting.title, partner: meeting.relationship.partner, role: meeting.relationship.role,
                start: start, timeZone: meeting.timeZone, durationSeconds: meeting.durationSeconds,
                purpose: goal.isEmpty ? meeting.purpose : goal, reminderOverrides: meeting.reminderOverrides)
            let created = try MeetingStore.insert(draft, now: now, limit: limit, in: db)
            return (created, created.start)
        }
    }

    /// Marks a meeting updated now; returns it as stored.
    private static func touch(_ id: Int64, now: Date, in db: Database) throws -> Meeting {
        var record = try MeetingStore.record(id: id, in: db)
        record.updatedAt = now.millisecondsSince1970
        try record.update(db)
        return try MeetingStore.meeting(id: id, in: db)
    }

    /// Adds the commitments and topics not already recorded for this occurrence.
    private static func addNew(
        _ commitments: [ActionItem], topics: [String], at origin: MeetingOccurrence, of meeting: Meeting, now: Date,
        in db: Database
    ) throws {
        let relationshipID = meeting.relationship.id
        let agreed = try CarriedItems.list(ActionItemRecord.self, relationshipID: relationshipID, status: nil, in: db)
            .filter { $0.origin == origin }
        for commitment in commitments {
            var draft = commitment
            (draft.relationshipID, draft.origin, draft.createdAt) = (relationshipID, origin, now)
            let item = try draft.validated()
            guard !agreed.contains(where: { $0.text == item.text && $0.owner == item.owner && $0.dueOn == item.dueOn })
            else { continue }
            _ = try CarriedItems.insert(ActionItemRecord(item), in: db)
        }
        let parked = try CarriedItems.list(TopicRecord.self, relationshipID: relationshipID, status: nil, in: db)
            .filter { $0.origin == origin }.map(\.text)
        for text in topics {
            let topic = try Topic(id: 0, relationshipID: relationshipID, origin: origin, text: text, createdAt: now)
                .validated()
            guard !parked.contains(topic.text) else { continue }
            _ = try CarriedItems.insert(TopicRecord(topic), in: db)
        }
    }
}
