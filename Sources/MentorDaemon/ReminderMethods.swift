import Foundation
import MentorCore
import MentorProtocol
import MentorStore

/// The handlers of `io.mentord`'s reminder methods: the stream of fired cards, the next card,
/// done, snooze, and the channel test.
struct ReminderMethods: Sendable {
    let engine: ReminderEngine
    let channels: ReminderChannels
    let meetings: MeetingStore
    let clock: any WallClock
    /// Where `from` is read when it is a local time.
    let defaultTimeZone: TimeZone

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
            guard let (reminder, dueAt) = await engine.nextReminder() else {
                return GetNextReminder.Reply(reminder: nil, secondsUntilDue: nil)
            }
            return GetNextReminder.Reply(
                reminder: reminder, secondsUntilDue: max(0, Int(dueAt.timeIntervalSince(clock.now()).rounded(.up))))
        }
        table.register(MarkStepDone.self) { [engine] parameters in
            try await engine.markDone(meetingID: parameters.meetingId, step: Self.step(parameters.step))
            return NoParameters()
        }
        table.register(SnoozeReminder.self, snooze)
        table.register(ListUpcoming.self, upcoming)
        table.register(TestNotify.self) { [engine, channels] _ in
            TestNotify.Reply(channels: await channels.test(await engine.sampleReminder()))
        }
    }

    @Sendable private func snooze(_ parameters: SnoozeReminder.Parameters) async throws -> SnoozeReminder.Reply {
        let step = try Self.step(parameters.step)
        let meeting = try await meetings.meeting(id: parameters.meetingId)
        let requested: Date
        do {
            requested = try SnoozeTarget.resolve(
                parameters.until, now: clock.now(), zone: meeting.timeZone,
                policy: await engine.effectivePolicy(meeting))
        } catch {
            throw MentordError.invalidTime(text: parameters.until, reason: "use a duration (1h), evening or tomorrow")
        }
        let until = try await engine.snooze(meetingID: meeting.id, step: step, until: requested)
        return SnoozeReminder.Reply(until: RFC3339.utc(until))
    }

    @Sendable private func upcoming(_ parameters: ListUpcoming.Parameters) async throws -> ListUpcoming.Reply {
        let now = clock.now()
        let days = parameters.days ?? 7
        guard (1...366).contains(days) else { throw VarlinkServiceError.invalidParameter(parameter: "days") }
        let from = try parameters.from.map { try TimeExpression.parse($0, in: defaultTimeZone, now: now) } ?? now
        return ListUpcoming.Reply(
            occurrences: try await engine.upcoming(
                from: from, through: from.addingTimeInterval(TimeInterval(days) * 86_400), limit: 1000))
    }

    static func step(_ name: String) throws -> Step {
        guard let step = Step(rawValue: name) ?? (name == "capture_again" ? .captureAgain : nil) else {
            throw MentordError.invalidStep(step: name)
        }
        return step
    }
}
