import Foundation
import MentorCore
import MentorProtocol
import MentorStore

/// One `CaptureMeeting` call: reads and checks what came out of an occurrence, then stores all of
/// it in one transaction (``CaptureStore/commit(_:now:carry:)``): the capture, the commitments and
/// topics that roll forward, the next meeting with the agreed goal as its Purpose.
///
/// Capturing an occurrence that has not started yet is allowed (notes taken early are still
/// notes) and the reply says so in `warnings`.
struct MeetingCapture {
    let stores: MentoringStores
    /// The rules in force: which occurrence is meant, and what a moved next occurrence keeps.
    let rules: ReminderRules
    /// `[limits] max_meetings`: a next meeting created here counts like any other.
    let maximumMeetings: Int
    let now: Date

    func capture(_ parameters: CaptureMeeting.Parameters) async throws -> CaptureMeeting.Reply {
        let meeting = try await stores.meetings.meeting(id: parameters.meetingId)
        var warnings: [String] = []
        let occurrence = try occurrence(parameters.occurrence, of: meeting, warnings: &warnings)
        let commitments = parameters.commitments ?? []
        let topics = parameters.topics ?? []
        let updates = parameters.itemUpdates ?? []
        let progress = parameters.goalProgress ?? []
        for (field, count, limit) in [
            ("commitments", commitments.count, MentoringLimits.itemsPerCapture),
            ("topics", topics.count, MentoringLimits.itemsPerCapture),
            ("itemUpdates", updates.count, 2 * MentoringLimits.itemsPerCapture),
            ("goalProgress", progress.count, MentoringLimits.itemsPerCapture),
        ] where count > limit {
            throw MentordError.tooMany(field: field, count: count, limit: limit)
        }
        let nextStart = try parameters.nextStart.map { text in
            let start = try TimeExpression.parse(text, in: meeting.timeZone, now: now)
            try PastTimeRule.requireAhead(start, now: now, field: "nextStart", text: text, zone: meeting.timeZone)
            return start
        }
        let capture = try Capture(
            meetingID: meeting.id, occurrence: occurrence, summary: parameters.summary ?? "",
            reflection: parameters.reflection ?? "", privateNote: parameters.privateNote ?? "",
            usefulness: parameters.usefulness, relationshipRating: parameters.relationshipRating,
            feedbackGiven: parameters.feedbackGiven ?? "", feedbackReceived: parameters.feedbackReceived ?? "",
            nextStart: nextStart,
            nextGoal: parameters.nextGoal?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "", capturedAt: now
        ).validated()
        let items = try commitments.map { commitment in
            try ActionItem(
                id: 0, relationshipID: meeting.relationship.id, text: commitment.text,
                owner: try ItemMethods.owner(commitment.owner),
                dueOn: try DateField.read(commitment.dueOn, field: "dueOn", in: rules.userZone, now: now),
                createdAt: now
            ).validated()
        }
        for topic in topics {
            _ = try FieldRules.requiredLine(topic, field: "topic", limit: MentoringLimits.itemLength)
        }
        let itemUpdates = try updates.map { update in
            guard let kind = ItemUpdate.Kind(rawValue: update.kind) else {
                throw VarlinkServiceError.invalidParameter(parameter: "itemUpdates.kind")
            }
            guard let status = ItemStatus(rawValue: update.status) else {
                throw VarlinkServiceError.invalidParameter(parameter: "itemUpdates.status")
            }
            return ItemUpdate(kind: kind, id: update.id, status: status)
        }
        let goalProgress = try progress.map { entry in
            try GoalProgress(goalID: entry.goalId, note: entry.note, rating: entry.rating, notedAt: now).validated()
        }
        let outcome = try await stores.captures.commit(
            CaptureCommit(
                capture: capture, commitments: items, topics: topics, maximumMeetings: maximumMeetings,
                itemUpdates: itemUpdates, goalProgress: goalProgress, phase: parameters.phase?.domain),
            now: now, carry: rules.carrying(now: now))
        return CaptureMeeting.Reply(
            capture: Wire.Capture(outcome.capture), nextMeeting: outcome.nextMeeting.map { Wire.Meeting($0) },
            nextOccurrence: outcome.nextOccurrence.map(RFC3339.utc),
            nextLocalStart: outcome.nextMeeting.flatMap { next in
                outcome.nextOccurrence.map { RFC3339.local($0, in: next.timeZone) }
            }, warnings: warnings + outcome.warnings)
    }

    /// The occurrence a capture means when it names none: the latest that has started, else the
    /// next one. `GetPrep` of the capture step uses it too, so both show the same meeting.
    static func defaultOccurrence(of meeting: Meeting, rules: ReminderRules, now: Date) -> Date {
        meeting.occurrences(from: now.addingTimeInterval(-366 * 86_400), through: now, limit: 10_000).last
            ?? rules.currentOccurrence(of: meeting, for: .purpose, now: now)
    }

    /// The occurrence given, or ``defaultOccurrence(of:rules:now:)``; one not started yet comes
    /// with a warning.
    private func occurrence(_ text: String?, of meeting: Meeting, warnings: inout [String]) throws -> Date {
        let occurrence: Date
        if let text {
            occurrence = try OccurrenceReader.occurrence(text, of: meeting, now: now)
        } else {
            occurrence = Self.defaultOccurrence(of: meeting, rules: rules, now: now)
        }
        if occurrence > now {
            warnings.append(
                "meeting \(meeting.id) has not started yet "
                    + "(\(DisplayText.when(RFC3339.local(occurrence, in: rules.userZone)))); "
                    + "captured anyway")
        }
        return occurrence
    }
}
