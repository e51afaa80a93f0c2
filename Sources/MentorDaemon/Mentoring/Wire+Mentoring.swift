import Foundation
import MentorCore
import MentorProtocol

extension Wire.Phase {
    init(_ phase: Phase) {
        self = Wire.Phase(rawValue: phase.rawValue)!
    }

    /// The domain phase.
    var domain: Phase { Phase(rawValue: rawValue)! }
}

extension Wire.Relationship {
    /// The wire form; `quietSince` when it has gone quiet.
    init(_ relationship: Relationship, quietSince: Date? = nil) {
        self.init(
            id: relationship.id, partner: relationship.partner, role: Wire.Role(relationship.role),
            cadence: relationship.cadence, startedOn: relationship.startedOn, phase: Wire.Phase(relationship.phase),
            offsets: ReminderPolicy.overridesText(relationship.reminderOverrides),
            createdAt: RFC3339.utc(relationship.createdAt),
            email: relationship.email.isEmpty ? nil : relationship.email,
            quietSince: quietSince.map(RFC3339.utc))
    }
}

extension Wire.PhaseChange {
    init(_ change: PhaseChange) {
        self.init(phase: Wire.Phase(change.phase), changedAt: RFC3339.utc(change.changedAt), note: change.note)
    }
}

extension Wire.Goal {
    init(_ goal: LearningGoal) {
        self.init(
            id: goal.id, relationshipId: goal.relationshipID, statement: goal.statement,
            successCriteria: goal.successCriteria, targetDate: goal.targetDate, status: goal.status.rawValue,
            createdAt: RFC3339.utc(goal.createdAt), closedAt: goal.closedAt.map(RFC3339.utc))
    }
}

extension Wire.Offer {
    init(_ offer: Offer) {
        self.init(
            id: offer.id, relationshipId: offer.relationshipID, kind: offer.kind.rawValue,
            description: offer.description, status: offer.status.rawValue, createdAt: RFC3339.utc(offer.createdAt),
            deliveredAt: offer.deliveredAt.map(RFC3339.utc))
    }
}

extension Wire.Item {
    /// An action item; `extraCarry` adds the meeting being prepared to its count.
    init(_ item: ActionItem, partner: String, extraCarry: Int = 0) {
        self.init(
            id: item.id, kind: "action", relationshipId: item.relationshipID, partner: partner, text: item.text,
            owner: item.owner.rawValue, dueOn: item.dueOn, status: item.status.rawValue,
            timesCarried: item.timesCarried + extraCarry, originMeetingId: item.origin?.meetingID,
            originOccurrence: item.origin.map { RFC3339.utc($0.occurrence) }, createdAt: RFC3339.utc(item.createdAt))
    }

    /// A parked topic; `extraCarry` adds the meeting being prepared to its count.
    init(_ topic: Topic, partner: String, extraCarry: Int = 0) {
        self.init(
            id: topic.id, kind: "topic", relationshipId: topic.relationshipID, partner: partner, text: topic.text,
            status: topic.status.rawValue, timesCarried: topic.timesCarried + extraCarry,
            originMeetingId: topic.origin?.meetingID, originOccurrence: topic.origin.map { RFC3339.utc($0.occurrence) },
            createdAt: RFC3339.utc(topic.createdAt))
    }
}

extension Wire.Answer {
    init(_ answer: Answer) {
        self.init(
            step: Wire.Step(answer.step), prompt: answer.prompt, answer: answer.text,
            answeredAt: RFC3339.utc(answer.answeredAt))
    }
}

extension Wire.Capture {
    init(_ capture: Capture) {
        self.init(
            meetingId: capture.meetingID, occurrence: RFC3339.utc(capture.occurrence), summary: capture.summary,
            reflection: capture.reflection, privateNote: capture.privateNote, usefulness: capture.usefulness,
            relationshipRating: capture.relationshipRating, feedbackGiven: capture.feedbackGiven,
            feedbackReceived: capture.feedbackReceived, nextStart: capture.nextStart.map(RFC3339.utc),
            nextGoal: capture.nextGoal, capturedAt: RFC3339.utc(capture.capturedAt))
    }
}

extension MeetingContext {
    /// The wire form, items counting the meeting being prepared.
    var wire: Wire.PrepContext {
        Wire.PrepContext(
            goal: goal?.statement ?? "", daysLeft: daysLeft, agreedGoal: agreedGoal, lastSummary: lastSummary,
            openActions: actions.map { Wire.Item($0, partner: relationship.partner, extraCarry: 1) },
            openTopics: topics.map { Wire.Item($0, partner: relationship.partner, extraCarry: 1) },
            goals: goals.map(Wire.Goal.init), phase: Wire.Phase(relationship.phase), reviewDue: reviewDue)
    }
}

extension Wire.GoalProgress {
    init(_ progress: GoalProgress) {
        self.init(
            goalId: progress.goalID, note: progress.note, rating: progress.rating,
            meetingId: progress.origin?.meetingID, occurrence: progress.origin.map { RFC3339.utc($0.occurrence) },
            notedAt: RFC3339.utc(progress.notedAt))
    }
}
