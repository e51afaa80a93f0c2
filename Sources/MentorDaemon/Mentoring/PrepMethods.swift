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

    /// The occurrence named by `text` (read in the meeting's zone, a day with one occurrence will
    /// do), or the current one for `step`
    /// (for the capture steps, the one `CaptureMeeting` would capture).
    private func occurrence(_ text: String?, of meeting: Meeting, for step: Step) async throws -> Date {
        guard let text else {
            if step.isAfterMeeting {
                return MeetingCapture.defaultOccurrence(of: meeting, rules: engine.rules, now: clock.now())
            }
            return engine.rules.currentOccurrence(of: meeting, for: step, now: clock.now())
        }
        return try OccurrenceReader.occurrence(text, of: meeting, now: clock.now())
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

    /// Text a history page may hold before it ends early (after at least one entry): a client
    /// reads replies of up to 64 MiB, and one occurrence holds at most a few MiB.
    static let historyPageBytes = 4 << 20

    @Sendable private func history(_ parameters: GetHistory.Parameters) async throws -> GetHistory.Reply {
        if let limit = parameters.limit, !(1...GetHistory.maximumLimit).contains(limit) {
            throw VarlinkServiceError.invalidParameter(parameter: "limit")
        }
        let after = try parameters.after.map(Self.historyCursor)
        let relationship = try await PartnerLookup(relationships: stores.relationships).relationship(
            parameters.partner, role: parameters.role?.domain)
        // One more than asked, to know whether a next page exists.
        let limit = parameters.limit ?? Int.max - 1
        let keys = try await stores.history.occurrences(relationshipID: relationship.id, after: after, limit: limit + 1)
        var meetings: [Int64: Meeting] = [:]
        var entries: [Wire.HistoryEntry] = []
        var bytes = 0
        var next: String?
        for (index, key) in keys.enumerated() {
            if index == limit || (parameters.limit != nil && bytes >= Self.historyPageBytes) {
                next = Self.historyCursor(after: keys[index - 1])
                break
            }
            if meetings[key.meetingID] == nil {
                // Deleted since the keys were read: its answers went with it.
                meetings[key.meetingID] = try? await stores.meetings.meeting(id: key.meetingID)
            }
            guard let meeting = meetings[key.meetingID] else { continue }
            let answers = try await stores.answers.answers(meetingID: key.meetingID, occurrence: key.occurrence)
            let capture = try await stores.captures.capture(meetingID: key.meetingID, occurrence: key.occurrence)
            let entry = Wire.HistoryEntry(
                meetingId: meeting.id, title: meeting.title(ofOccurrenceAt: key.occurrence),
                occurrence: RFC3339.utc(key.occurrence),
                localStart: RFC3339.local(key.occurrence, in: meeting.timeZone), answers: answers.map(Wire.Answer.init),
                capture: capture.map(Wire.Capture.init))
            bytes += Self.textBytes(of: entry)
            entries.append(entry)
        }
        return GetHistory.Reply(relationship: Wire.Relationship(relationship), entries: entries, next: next)
    }

    /// `after` of GetHistory: an occurrence's start in Unix milliseconds and its meeting id.
    private static func historyCursor(after key: MeetingOccurrence) -> String {
        "\(key.occurrence.millisecondsSince1970):\(key.meetingID)"
    }

    private static func historyCursor(_ text: String) throws -> MeetingOccurrence {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let milliseconds = Int64(parts[0]), let meetingID = Int64(parts[1]) else {
            throw VarlinkServiceError.invalidParameter(parameter: "after")
        }
        return MeetingOccurrence(meetingID: meetingID, occurrence: Date(millisecondsSince1970: milliseconds))
    }

    /// About what an entry costs in a reply: its texts' UTF-8 bytes plus the fields around them.
    private static func textBytes(of entry: Wire.HistoryEntry) -> Int {
        let answers = entry.answers.reduce(0) { $0 + $1.prompt.utf8.count + $1.answer.utf8.count + 100 }
        let capture = entry.capture.map {
            [$0.summary, $0.reflection, $0.privateNote, $0.feedbackGiven, $0.feedbackReceived, $0.nextGoal]
                .reduce(300) { $0 + $1.utf8.count }
        }
        return 200 + entry.title.utf8.count + answers + (capture ?? 0)
    }
}
