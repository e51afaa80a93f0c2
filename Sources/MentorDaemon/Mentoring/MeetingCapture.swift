import Foundation
import MentorCore
import MentorProtocol
import MentorStore

/// One `CaptureMeeting` call: stores what came out of an occurrence, turns the commitments and
/// topics into items that roll forward, and makes sure the next meeting exists with the agreed
/// goal as its Purpose.
///
/// Capturing an occurrence that has not started yet is allowed (notes taken early are still
/// notes) and the reply says so in `warnings`.
struct MeetingCapture {
    let stores: MentoringStores
    let engine: ReminderEngine
    /// `[limits] max_meetings`: a next meeting created here counts like any other.
    let maximumMeetings: Int
    let now: Date

    /// The next meeting the capture arranged: a meeting and one of its occurrences.
    private struct Next {
        var meeting: Meeting
        var occurrence: Date
    }

    func capture(_ parameters: CaptureMeeting.Parameters) async throws -> CaptureMeeting.Reply {
        let meeting = try await stores.meetings.meeting(id: parameters.meetingId)
        var warnings: [String] = []
        let occurrence = try await occurrence(parameters.occurrence, of: meeting, warnings: &warnings)
        let commitments = parameters.commitments ?? []
        let topics = parameters.topics ?? []
        for (field, count) in [("commitments", commitments.count), ("topics", topics.count)]
        where count > MentoringLimits.itemsPerCapture {
            throw MentordError.tooMany(field: field, count: count, limit: MentoringLimits.itemsPerCapture)
        }
        let nextStart = try parameters.nextStart.map { try TimeExpression.parse($0, in: meeting.timeZone, now: now) }
        let nextGoal = parameters.nextGoal?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        // Validate everything before the first write, so a refused call stores nothing.
        var capture = try Capture(
            meetingID: meeting.id, occurrence: occurrence, summary: parameters.summary ?? "",
            reflection: parameters.reflection ?? "", privateNote: parameters.privateNote ?? "",
            usefulness: parameters.usefulness, relationshipRating: parameters.relationshipRating,
            feedbackGiven: parameters.feedbackGiven ?? "", feedbackReceived: parameters.feedbackReceived ?? "",
            nextStart: nextStart, nextGoal: nextGoal, capturedAt: now
        ).validated()
        let owners = try commitments.map { try ItemMethods.owner($0.owner) }
        // The items themselves, checked the way the store will check them.
        for (commitment, owner) in zip(commitments, owners) {
            _ = try ActionItem(
                id: 0, relationshipID: meeting.relationship.id, text: commitment.text, owner: owner,
                dueOn: commitment.dueOn ?? "", createdAt: now
            ).validated()
        }
        for topic in topics {
            _ = try FieldRules.requiredLine(topic, field: "topic", limit: MentoringLimits.itemLength)
        }
        guard meeting.isScheduledOccurrence(occurrence) else {
            throw MentordError.noSuchOccurrence(id: meeting.id, occurrence: RFC3339.utc(occurrence))
        }
        let previous = try await stores.captures.capture(meetingID: meeting.id, occurrence: occurrence)

        let next = try await arrangeNext(
            after: occurrence, of: meeting, at: nextStart, goal: nextGoal, arrangedBefore: previous?.nextStart,
            warnings: &warnings)
        capture.nextStart = next?.occurrence ?? nextStart
        capture = try await stores.captures.save(capture)
        let origin = MeetingOccurrence(meetingID: meeting.id, occurrence: occurrence)
        for (commitment, owner) in zip(commitments, owners) {
            let item = try await stores.actions.add(
                relationshipID: meeting.relationship.id, text: commitment.text, owner: owner,
                dueOn: commitment.dueOn ?? "", origin: origin, now: now)
            await engine.itemChanged(item.id)
        }
        for topic in topics {
            _ = try await stores.topics.add(
                relationshipID: meeting.relationship.id, text: topic, origin: origin, now: now)
        }
        if let next, !nextGoal.isEmpty {
            try await stores.occurrenceGoals.setGoal(nextGoal, meetingID: next.meeting.id, occurrence: next.occurrence)
        }
        // Captured: neither capture nudge of this occurrence is needed any more.
        try await engine.markDone(meetingID: meeting.id, steps: [.capture, .captureAgain], occurrence: occurrence)
        return CaptureMeeting.Reply(
            capture: Wire.Capture(capture), nextMeeting: next.map { Wire.Meeting($0.meeting) },
            nextOccurrence: next.map { RFC3339.utc($0.occurrence) }, warnings: warnings)
    }

    /// The relationship's single meeting starting at `start`, other than `meeting` itself.
    private func meetingOfRelationship(_ meeting: Meeting, startingAt start: Date) async throws -> Meeting? {
        try await stores.meetings.meetings(MeetingQuery(relationshipID: meeting.relationship.id), now: now).first {
            $0.id != meeting.id && $0.recurrence == nil && abs($0.start.timeIntervalSince(start)) < 0.001
        }
    }

    /// The occurrence given, or the latest that has started; without one, the next, with a warning.
    private func occurrence(_ text: String?, of meeting: Meeting, warnings: inout [String]) async throws -> Date {
        let occurrence: Date
        if let text {
            occurrence = try TimeExpression.parse(text, in: meeting.timeZone, now: now)
        } else if let started = meeting.occurrences(
            from: now.addingTimeInterval(-366 * 86_400), through: now, limit: 10_000
        ).last {
            occurrence = started
        } else {
            occurrence = await engine.currentOccurrence(of: meeting, for: .purpose, now: now)
        }
        if occurrence > now {
            warnings.append(
                "meeting \(meeting.id) has not started yet (\(RFC3339.local(occurrence, in: meeting.timeZone))); "
                    + "captured anyway")
        }
        return occurrence
    }

    /// Finds, moves or creates the next meeting of the relationship after `occurrence`.
    ///
    /// A series' next occurrence is moved to `start` when one is given; a single meeting gets a
    /// new meeting at `start`, with the same title, length, zone and offsets. Without a start the
    /// goal goes to the relationship's next meeting, if there is one.
    private func arrangeNext(
        after occurrence: Date, of meeting: Meeting, at start: Date?, goal: String, arrangedBefore: Date?,
        warnings: inout [String]
    ) async throws -> Next? {
        guard start != nil || !goal.isEmpty else { return nil }
        // Capturing the same occurrence again: the meeting an earlier capture created is the next
        // one, moved if the date changed, never a second one.
        if let start, meeting.recurrence == nil, let arrangedBefore,
            let earlier = try await meetingOfRelationship(meeting, startingAt: arrangedBefore)
        {
            guard earlier.start != start else { return Next(meeting: earlier, occurrence: start) }
            let moved = try await stores.meetings.update(
                id: earlier.id, changes: MeetingChanges(start: start), now: now)
            await engine.meetingChanged(moved.id)
            return Next(meeting: moved, occurrence: start)
        }
        let following = meeting.occurrences(
            from: occurrence.addingTimeInterval(1), through: occurrence.addingTimeInterval(400 * 86_400), limit: 1
        ).first
        if let start {
            if meeting.recurrence != nil, let following {
                guard start != following else { return Next(meeting: meeting, occurrence: following) }
                let original = meeting.exceptions.first { $0.value == following }?.key ?? following
                let moved = try await stores.meetings.changeOccurrence(
                    meetingID: meeting.id, occurrence: original, movedTo: start, now: now)
                await engine.occurrenceMoved(meeting.id, from: following, to: start)
                return Next(meeting: moved, occurrence: start)
            }
            let draft = try MeetingDraft(
                title: meeting.title, partner: meeting.relationship.partner, role: meeting.relationship.role,
                start: start, timeZone: meeting.timeZone, durationSeconds: meeting.durationSeconds,
                purpose: goal.isEmpty ? meeting.purpose : goal, reminderOverrides: meeting.reminderOverrides)
            let created = try await stores.meetings.add(draft, now: now, limit: maximumMeetings)
            await engine.meetingChanged(created.id)
            return Next(meeting: created, occurrence: start)
        }
        if let following { return Next(meeting: meeting, occurrence: following) }
        let others = try await stores.meetings.meetings(MeetingQuery(relationshipID: meeting.relationship.id), now: now)
        let candidates = others.compactMap { other in
            other.occurrences(from: occurrence.addingTimeInterval(1), through: .distantFuture, limit: 1).first.map {
                Next(meeting: other, occurrence: $0)
            }
        }
        guard let next = candidates.min(by: { $0.occurrence < $1.occurrence }) else {
            warnings.append("no later meeting with \(meeting.relationship.partner) to carry the goal; give a next date")
            return nil
        }
        return next
    }
}
