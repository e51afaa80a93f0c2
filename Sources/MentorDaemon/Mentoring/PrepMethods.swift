import Foundation
import MentorCore
import MentorProtocol
import MentorStore
import NIOConcurrencyHelpers

/// The handlers of the loop around one meeting: the prompts with their context and the answers
/// before it (`GetPrep`, `RecordAnswers`), what was agreed after it (`CaptureMeeting`), and the
/// record of all of it (`GetHistory`).
struct PrepMethods: Sendable {
    let stores: MentoringStores
    let engine: ReminderService
    let clock: any WallClock
    /// `[limits] max_meetings`, changed by a reload.
    let maximumMeetings: NIOLockedValueBox<Int>

    /// The steps before a meeting, in the order `prep` walks them.
    static let beforeSteps: [Step] = [.purpose, .preparation, .plan, .participation]

    func register(in table: inout MethodTable) {
        table.register(GetPrep.self, prep)
        table.register(RecordAnswers.self, record)
        table.register(CaptureMeeting.self) { parameters in
            try await MeetingCapture(
                stores: stores, rules: engine.rules, maximumMeetings: maximumMeetings.withLockedValue { $0 },
                now: clock.now()
            ).capture(parameters)
        }
        table.register(GetHistory.self, history)
        table.register(
            GetReview.self, RelationshipReview(stores: stores, clock: clock, rules: { [engine] in engine.rules }).review
        )
    }

    /// The occurrence named by `text` (read in the meeting's zone), or the current one for `step`
    /// (for the capture steps, the one `CaptureMeeting` would capture).
    private func occurrence(_ text: String?, of meeting: Meeting, for step: Step) async throws -> Date {
        guard let text else {
            if step.isAfterMeeting {
                return MeetingCapture.defaultOccurrence(of: meeting, rules: engine.rules, now: clock.now())
            }
            return engine.rules.currentOccurrence(of: meeting, for: step, now: clock.now())
        }
        let occurrence = try TimeExpression.parse(text, in: meeting.timeZone, now: clock.now())
        guard meeting.hasOccurrence(at: occurrence) else {
            throw MentordError.noSuchOccurrence(id: meeting.id, occurrence: RFC3339.utc(occurrence))
        }
        return occurrence
    }

    @Sendable private func prep(_ parameters: GetPrep.Parameters) async throws -> GetPrep.Reply {
        let meeting = try await stores.meetings.meeting(id: parameters.meetingId)
        var step = parameters.step?.domain ?? .purpose
        let occurrence = try await occurrence(parameters.occurrence, of: meeting, for: step)
        if parameters.step == nil {
            // The first step before the meeting that is not done yet.
            let ledger = try await stores.ledger.entries(meetingID: meeting.id, occurrence: occurrence)
            step = Self.beforeSteps.first { ledger[$0]?.state != .done } ?? .purpose
        }
        let context = try await MeetingContext.load(
            for: meeting, occurrence: occurrence, from: stores, rules: engine.rules)
        let answers = try await stores.answers.answers(meetingID: meeting.id, occurrence: occurrence)
        return GetPrep.Reply(
            meeting: Wire.Meeting(meeting), occurrence: RFC3339.utc(occurrence),
            localStart: RFC3339.local(occurrence, in: meeting.timeZone), step: Wire.Step(step),
            prompts: PromptCatalog.prompts(for: step, as: meeting.relationship.role, context: context.promptContext),
            context: context.wire, answers: answers.filter { $0.step == step }.map(Wire.Answer.init))
    }

    @Sendable private func record(_ parameters: RecordAnswers.Parameters) async throws -> RecordAnswers.Reply {
        let meeting = try await stores.meetings.meeting(id: parameters.meetingId)
        let step = parameters.step.domain
        // Free text cannot carry commitments, topics or a next date; answering the capture step here
        // would mark it done and the loop would quietly lose them. CaptureMeeting records it.
        guard !step.isAfterMeeting else { throw VarlinkServiceError.invalidParameter(parameter: "step") }
        let occurrence = try await occurrence(parameters.occurrence, of: meeting, for: step)
        _ = try await stores.answers.record(
            meetingID: meeting.id, occurrence: occurrence, step: step,
            answers: parameters.answers.map { (prompt: $0.prompt, answer: $0.answer) }, now: clock.now())
        return RecordAnswers.Reply(occurrence: RFC3339.utc(occurrence))
    }

    @Sendable private func history(_ parameters: RelationshipIdentifier) async throws -> GetHistory.Reply {
        let relationship = try await PartnerLookup(relationships: stores.relationships).relationship(
            parameters.partner, role: parameters.role?.domain)
        let meetings = try await stores.meetings.meetings(
            MeetingQuery(includePast: true, includeCancelled: true, relationshipID: relationship.id),
            now: clock.now())
        let byID = Dictionary(uniqueKeysWithValues: meetings.map { ($0.id, $0) })
        let answers = Dictionary(grouping: try await stores.answers.answers(relationshipID: relationship.id)) {
            MeetingOccurrence(meetingID: $0.meetingID, occurrence: $0.occurrence)
        }
        let captures = Dictionary(
            (try await stores.captures.captures(relationshipID: relationship.id)).map {
                (MeetingOccurrence(meetingID: $0.meetingID, occurrence: $0.occurrence), $0)
            }, uniquingKeysWith: { $1 })
        let keys = Set(answers.keys).union(captures.keys).sorted {
            ($0.occurrence, $0.meetingID) < ($1.occurrence, $1.meetingID)
        }
        let entries = keys.compactMap { key -> Wire.HistoryEntry? in
            guard let meeting = byID[key.meetingID] else { return nil }
            return Wire.HistoryEntry(
                meetingId: meeting.id, title: meeting.title, occurrence: RFC3339.utc(key.occurrence),
                localStart: RFC3339.local(key.occurrence, in: meeting.timeZone),
                answers: (answers[key] ?? []).map(Wire.Answer.init), capture: captures[key].map(Wire.Capture.init))
        }
        return GetHistory.Reply(relationship: Wire.Relationship(relationship), entries: entries)
    }
}
