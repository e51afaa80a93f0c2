import Foundation
import MentorCore
import MentorProtocol
import MentorStore

/// The handlers of `io.mentord`'s reminder methods: the stream of fired cards, the next card,
/// done, snooze, the upcoming occurrences and the channel test.
struct ReminderMethods: Sendable {
    let engine: ReminderService
    let channels: ReminderChannels
    let stores: MentoringStores
    let clock: any WallClock

    func register(in table: inout MethodTable) {
        table.registerStream(Subscribe.self) { [channels] _, send in
            // Subscribe before saying ready, so no card fired after "ready" can be missed.
            let stream = channels.broadcaster.subscribe()
            try await send(Subscribe.Reply(ready: true))
            for await reminder in stream {
                try await send(Subscribe.Reply(reminder: reminder))
            }
        }
        table.register(GetNextReminder.self) { [engine, clock] _ in
            guard let card = try await engine.nextCard() else {
                return GetNextReminder.Reply(reminder: nil, secondsUntilDue: nil)
            }
            return GetNextReminder.Reply(
                reminder: card.reminder,
                secondsUntilDue: max(0, Int(card.dueAt.timeIntervalSince(clock.now()).rounded(.up))))
        }
        table.register(MarkStepDone.self) { [engine, stores, clock] parameters in
            var occurrence: Date?
            if let text = parameters.occurrence {
                let meeting = try await stores.meetings.meeting(id: parameters.meetingId)
                occurrence = try OccurrenceReader.occurrence(text, of: meeting, now: clock.now())
            }
            let marked = try await engine.markDone(
                meetingID: parameters.meetingId, steps: [parameters.step.domain], occurrence: occurrence)
            return MarkStepDone.Reply(occurrence: RFC3339.utc(marked))
        }
        table.register(SnoozeReminder.self, snooze)
        table.register(ListUpcoming.self, upcoming)
        table.register(TestNotify.self) { [engine, channels, clock] _ in
            TestNotify.Reply(channels: await channels.test(.test(now: clock.now(), zone: engine.rules.userZone)))
        }
    }

    @Sendable private func snooze(_ parameters: SnoozeReminder.Parameters) async throws -> SnoozeReminder.Reply {
        let steps = parameters.steps.map(\.domain)
        guard !steps.isEmpty else { throw VarlinkServiceError.invalidParameter(parameter: "steps") }
        guard Set(steps.map(\.isAfterMeeting)).count == 1 else {
            throw MentordError.cannotSnooze(
                meetingId: parameters.meetingId, step: parameters.steps[0],
                reason: "steps before and after the meeting are never on one card; snooze them apart")
        }
        let meeting = try await stores.meetings.meeting(id: parameters.meetingId)
        let rules = engine.rules
        let requested: Date
        do {
            // "evening" and "tomorrow" are the user's, read in the user's zone.
            requested = try SnoozeTarget.resolve(
                parameters.until, now: clock.now(), zone: rules.userZone, policy: rules.policy(for: meeting))
        } catch {
            throw MentordError.invalidTime(text: parameters.until, reason: "use a duration (1h), evening or tomorrow")
        }
        let (outcome, occurrence) = try await engine.snooze(meetingID: meeting.id, steps: steps, until: requested)
        var nextStep: Wire.Step?
        if case .nextStep(let step) = outcome.cappedBy { nextStep = Wire.Step(step) }
        return SnoozeReminder.Reply(
            until: RFC3339.utc(outcome.until), localUntil: RFC3339.local(outcome.until, in: rules.userZone),
            occurrence: RFC3339.utc(occurrence), nextStep: nextStep,
            beforeStart: outcome.cappedBy == .start)
    }

    @Sendable private func upcoming(_ parameters: ListUpcoming.Parameters) async throws -> ListUpcoming.Reply {
        let now = clock.now()
        let days = parameters.days ?? 7
        guard (1...366).contains(days) else { throw VarlinkServiceError.invalidParameter(parameter: "days") }
        let limit = parameters.limit ?? 1000
        guard (1...10_000).contains(limit) else { throw VarlinkServiceError.invalidParameter(parameter: "limit") }
        let cursor = try parameters.after.map { text in
            guard let cursor = UpcomingView.Cursor(text) else {
                throw VarlinkServiceError.invalidParameter(parameter: "after")
            }
            return cursor
        }
        let rules = engine.rules
        // A day alone (`--from 2026-12-10`, `--from thu`) starts the window at its first instant.
        let from =
            try parameters.from.map { text in
                switch try TimeExpression.read(text, in: rules.userZone, from: .now(now)) {
                case .instant(let instant): return instant
                case .day(let day): return day.firstInstant(in: rules.userZone) ?? now
                }
            } ?? now
        // In the engine's turn: the ledger shown is the one every change before this call left.
        return try await engine.inTurn { [stores] _ in
            try await UpcomingView(stores: stores, rules: rules).page(
                from: from, through: from.addingTimeInterval(TimeInterval(days) * 86_400), after: cursor, limit: limit)
        }
    }
}
