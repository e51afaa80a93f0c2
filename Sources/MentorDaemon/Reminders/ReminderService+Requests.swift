import Foundation
import Logging
import MentorCore
import MentorProtocol
import MentorStore

/// What handlers ask of the engine. Each request waits for its turn in the loop, so it sees every
/// change committed before it and no change runs halfway through it.
extension ReminderService {
    /// Runs `body` in its turn of the loop and returns its result.
    nonisolated func inTurn<Value: Sendable>(
        _ body: @escaping @Sendable (isolated ReminderService) async throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let reply = PendingReply(continuation)
            let result = input.yield(
                .turn { engine in
                    do {
                        reply.resume(with: .success(try await body(engine)))
                    } catch {
                        reply.resume(with: .failure(error))
                    }
                })
            if case .terminated = result { reply.resume(with: .failure(DaemonError.stopping)) }
        }
    }

    /// Hands a batch of committed changes to the loop.
    nonisolated func changed(_ changes: [StoreChange]) {
        input.yield(.changed(changes))
    }

    /// Tells the loop the system clock was set.
    nonisolated func clockStepped() {
        input.yield(.clockStepped)
    }

    /// Applies reloaded rules, then plans everything again.
    nonisolated func use(_ rules: ReminderRules) {
        input.yield(.rules(rules))
    }

    /// Returns once every event before it was handled: what the watchdog's ping waits for.
    nonisolated func heartbeat() async throws {
        try await inTurn { _ in }
    }

    /// Pings the watchdog after a turn of the loop, even if the last ping still covers the next
    /// wake: after `READY=1`.
    nonisolated func feedWatchdog() async throws {
        try await inTurn { engine in engine.forgetWatchdogPing() }
    }

    /// Postpones `steps` of the meeting's current occurrence (for the first step) until `requested`,
    /// clamped by ``SnoozeRule``; returns the outcome and the occurrence.
    nonisolated func snooze(meetingID: Int64, steps: [Step], until requested: Date) async throws
        -> (outcome: SnoozeRule.Outcome, occurrence: Date)
    {
        try await inTurn { engine in try await engine.snoozeNow(meetingID: meetingID, steps: steps, until: requested) }
    }

    /// Marks `steps` of one occurrence (by default the current one for the first step) done;
    /// returns the occurrence.
    @discardableResult
    nonisolated func markDone(meetingID: Int64, steps: [Step], occurrence: Date? = nil) async throws -> Date {
        try await inTurn { engine in
            try await engine.markDoneNow(meetingID: meetingID, steps: steps, occurrence: occurrence)
        }
    }

    /// The next card of any meeting, as it would go out now.
    nonisolated func nextCard() async throws -> OutgoingCard? {
        try await inTurn { engine in await engine.renderNextCard() }
    }

    private func snoozeNow(meetingID: Int64, steps: [Step], until requested: Date) async throws
        -> (outcome: SnoozeRule.Outcome, occurrence: Date)
    {
        let meeting = try await stores.meetings.meeting(id: meetingID)
        let now = clock.now()
        let occurrence = scheduler.rules.currentOccurrence(of: meeting, for: steps.first ?? .purpose, now: now)
        let entries = try await stores.ledger.entries(meetingID: meetingID, occurrence: occurrence)
        let outcome: SnoozeRule.Outcome
        do {
            outcome = try scheduler.rules.snooze(
                steps, of: meeting, occurrence: occurrence, until: requested, ledger: entries, now: now)
        } catch {
            throw Self.wireError(
                error, meetingID: meetingID, snoozing: steps.first ?? .purpose, zone: scheduler.rules.userZone)
        }
        guard
            try await stores.ledger.snooze(
                steps, meetingID: meetingID, occurrence: occurrence, until: outcome.until, now: now)
        else {
            throw MentordError.cannotSnooze(
                meetingId: meetingID, step: Wire.Step(steps.first ?? .purpose), reason: "it was settled meanwhile")
        }
        await planMeeting(meetingID, now: now)
        return (outcome, occurrence)
    }

    private func markDoneNow(meetingID: Int64, steps: [Step], occurrence given: Date?) async throws -> Date {
        let meeting = try await stores.meetings.meeting(id: meetingID)
        let now = clock.now()
        let occurrence = given ?? scheduler.rules.currentOccurrence(of: meeting, for: steps.first ?? .purpose, now: now)
        try await stores.ledger.record(steps, as: .done, meetingID: meetingID, occurrence: occurrence, now: now)
        await planMeeting(meetingID, now: now)
        return occurrence
    }

    private func renderNextCard() async -> OutgoingCard? {
        guard let card = scheduler.nextCard(),
            let meeting = try? await stores.meetings.meeting(id: card.meetingID)
        else { return nil }
        return await OutgoingCard.meeting(
            card, of: meeting, stores: stores, rules: scheduler.rules, now: clock.now(), logger: logger)
    }

    /// Carries out a notification's button: Done marks the card's steps done, Snooze brings the
    /// card back in an hour (clamped as any snooze is). Nobody waits for an answer: failures are
    /// logged.
    func perform(_ action: ReminderAction) async {
        switch action {
        case .done(let meetingID, let occurrence, let steps):
            do {
                _ = try await markDoneNow(meetingID: meetingID, steps: steps, occurrence: occurrence)
            } catch {
                logger.error("Failed to mark the steps of meeting \(meetingID) done: \(error)")
            }
        case .snooze(let meetingID, _, let steps):
            do {
                let (outcome, _) = try await snoozeNow(
                    meetingID: meetingID, steps: steps, until: clock.now().addingTimeInterval(3600))
                logger.info(
                    "Snoozed \(steps.map(\.rawValue).joined(separator: ", ")) of meeting \(meetingID) until \(RFC3339.utc(outcome.until))"
                )
            } catch {
                logger.warning("Failed to snooze the card of meeting \(meetingID): \(error)")
            }
        }
    }

    /// The wire error for a refused snooze, saying what stands in the way.
    static func wireError(_ refusal: SnoozeRule.Refusal, meetingID: Int64, snoozing snoozed: Step, zone: TimeZone)
        -> MentordError
    {
        switch refusal {
        case .off(let step):
            .cannotSnooze(meetingId: meetingID, step: Wire.Step(step), reason: "the step is off for this meeting")
        case .settled(let step, let state):
            .cannotSnooze(meetingId: meetingID, step: Wire.Step(step), reason: "it is already \(state.rawValue)")
        case .notDueYet(let step, let own):
            .cannotSnooze(
                meetingId: meetingID, step: Wire.Step(step),
                reason: MentordError.notDueReason(DisplayText.when(RFC3339.local(own, in: zone))),
                due: RFC3339.local(own, in: zone))
        case .noRoom(.nextStep(let next)):
            .cannotSnooze(
                meetingId: meetingID, step: Wire.Step(snoozed),
                reason: "\(Wire.Step(next).title) comes first; snooze that, or mark this step done")
        case .noRoom(.start):
            .cannotSnooze(
                meetingId: meetingID, step: Wire.Step(snoozed),
                reason: "the meeting starts first; mark the step done instead")
        }
    }
}
