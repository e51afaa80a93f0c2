import Foundation
import Logging
import MentorCore
import MentorProtocol
import MentorStore

/// The imperative shell around ``ReminderPlanner``: keeps each meeting's next card in a
/// ``DeadlineQueue``, arms the one ``WallClockTimer`` for the earliest, and when it fires, asks the
/// planner what is due, writes the ledger, and hands cards to the subscribers and the journal.
///
/// Every change (a meeting added, edited, cancelled; a step done or snoozed; the clock stepped;
/// the configuration reloaded) re-plans only what it touches, then re-arms.
actor ReminderEngine {
    private let meetings: MeetingStore
    private let ledger: ReminderLedgerStore
    private let clock: any WallClock
    private let broadcaster: ReminderBroadcaster
    private let logger: Logger
    private var policy: ReminderPolicy
    private var queue = DeadlineQueue<Int64>()
    private var timer: WallClockTimer?
    /// Called with the next card after every change, for the service manager's status line.
    private let onNext: @Sendable (Date?) -> Void
    /// The deadline last passed to `onNext`, so an unchanged one is not announced again.
    private var announced: Date??

    /// How far back meetings are still planned: capture nudges come after the end.
    private var lookBack: TimeInterval {
        TimeInterval(policy.offsets.filter { $0.key.isAfterMeeting }.map(\.value).max() ?? 0)
            + ReminderPlanner.captureGrace
    }

    init(
        meetings: MeetingStore, ledger: ReminderLedgerStore, policy: ReminderPolicy, clock: any WallClock,
        broadcaster: ReminderBroadcaster, logger: Logger, onNext: @escaping @Sendable (Date?) -> Void
    ) {
        self.meetings = meetings
        self.ledger = ledger
        self.policy = policy
        self.clock = clock
        self.broadcaster = broadcaster
        self.logger = logger
        self.onNext = onNext
    }

    /// Delivers what a crash left claimed but undelivered, plans every meeting and arms the timer.
    /// After downtime this is where missed reminders become a digest or are recorded as missed.
    func start(timerQueue: DispatchQueue) async {
        timer = WallClockTimer(queue: timerQueue) { [weak self] in
            Task { await self?.timerFired() }
        }
        do {
            for card in try await ledger.unfinishedCards() {
                guard let meeting = try? await meetings.meeting(id: card.meetingID) else { continue }
                await publish(card, of: meeting)
                try await ledger.markDelivered(card, now: clock.now())
            }
        } catch {
            logger.error("Failed to finish deliveries interrupted by a restart: \(error)")
        }
        await replanAll()
    }

    /// Re-plans one meeting after it was added or changed (or removed: then it is dropped).
    func meetingChanged(_ id: Int64) async {
        if let meeting = try? await meetings.meeting(id: id) {
            await plan(meeting, now: clock.now())
        } else {
            queue.set(id, nil)
        }
        rearm()
    }

    /// A single meeting moved from `oldStart`: done steps stay done, and a step already shown is not
    /// shown again just because its new time has also passed. Steps whose new time is ahead remind
    /// afresh, for the new date.
    func meetingMoved(_ id: Int64, from oldStart: Date) async {
        do {
            let meeting = try await meetings.meeting(id: id)
            if meeting.recurrence == nil && meeting.start != oldStart {
                let now = clock.now()
                let times = ReminderSchedule.times(
                    start: meeting.start, end: meeting.end, zone: meeting.timeZone, policy: effectivePolicy(meeting))
                let old = try await ledger.entries(meetingID: id, occurrence: oldStart)
                for (step, entry) in old {
                    let passed = (times[step] ?? now) <= now
                    guard entry.state == .done || (entry.state.isSettled && passed) else { continue }
                    try await ledger.record(
                        [step], as: entry.state == .fired ? .delivered : entry.state, meetingID: id,
                        occurrence: meeting.start, now: now)
                }
            }
        } catch {
            logger.error("Failed to carry reminders of meeting \(id) to its new time: \(error)")
        }
        await meetingChanged(id)
    }

    /// Re-plans everything: after a clock step or a configuration change.
    func replanAll() async {
        let now = clock.now()
        do {
            queue = DeadlineQueue()
            for meeting in try await meetings.scheduled(endingAfter: now.addingTimeInterval(-lookBack)) {
                await plan(meeting, now: now)
            }
        } catch {
            logger.error("Failed to load meetings for planning: \(error)")
        }
        rearm()
    }

    /// Replaces the policy (configuration reload) and re-plans.
    func use(_ policy: ReminderPolicy) async {
        self.policy = policy
        await replanAll()
    }

    /// The next card that will fire.
    func nextReminder() async -> (reminder: Wire.Reminder, dueAt: Date)? {
        guard let (_, id) = queue.peek(), let meeting = try? await meetings.meeting(id: id),
            let decisions = try? await decisions(for: meeting, now: clock.now()),
            let card = decisions.compactMap(\.next).min(by: { $0.dueAt < $1.dueAt })
        else { return nil }
        return (reminder(card, of: meeting), card.dueAt)
    }

    /// The occurrence a step command is about: for steps before a meeting, the next one that has
    /// not started; for capture, the last one that has ended (the next one if none has).
    func currentOccurrence(of meeting: Meeting, for step: Step, now: Date) -> Date {
        let nearby = meeting.occurrences(
            from: now.addingTimeInterval(-lookBack), through: now.addingTimeInterval(400 * 86_400), limit: 64)
        let duration = TimeInterval(meeting.durationSeconds)
        if step.isAfterMeeting, let ended = nearby.last(where: { $0.addingTimeInterval(duration) <= now }) {
            return ended
        }
        return nearby.first(where: { $0 > now }) ?? nearby.last ?? meeting.start
    }

    /// Occurrences of scheduled meetings starting in `from...through`, with their planned reminders.
    func upcoming(from: Date, through: Date, limit: Int) async throws -> [Wire.Occurrence] {
        var found: [(start: Date, meeting: Meeting)] = []
        for meeting in try await meetings.scheduled(endingAfter: from) {
            found += meeting.occurrences(from: from, through: through, limit: limit).map { ($0, meeting) }
        }
        found.sort { ($0.start, $0.meeting.id) < ($1.start, $1.meeting.id) }
        var occurrences: [Wire.Occurrence] = []
        for (start, meeting) in found.prefix(limit) {
            let end = start.addingTimeInterval(TimeInterval(meeting.durationSeconds))
            let times = ReminderSchedule.times(
                start: start, end: end, zone: meeting.timeZone, policy: effectivePolicy(meeting))
            let entries = try await ledger.entries(meetingID: meeting.id, occurrence: start)
            let reminders = times.map { step, planned in
                let at = entries[step]?.snoozedUntil ?? planned
                return Wire.PlannedReminder(
                    step: step.rawValue, at: RFC3339.utc(at), localAt: RFC3339.local(at, in: meeting.timeZone),
                    state: entries[step]?.state.rawValue)
            }.sorted { $0.at < $1.at }
            occurrences.append(
                Wire.Occurrence(
                    meetingId: meeting.id, title: meeting.title, partner: meeting.relationship.partner,
                    role: Wire.Role(meeting.relationship.role), start: RFC3339.utc(start),
                    localStart: RFC3339.local(start, in: meeting.timeZone), timeZone: meeting.timeZone.identifier,
                    durationSeconds: meeting.durationSeconds, recurring: meeting.recurrence != nil, reminders: reminders
                ))
        }
        return occurrences
    }

    /// Marks `step` of the meeting's current occurrence done.
    func markDone(meetingID: Int64, step: Step) async throws {
        let meeting = try await meetings.meeting(id: meetingID)
        let now = clock.now()
        let occurrence = currentOccurrence(of: meeting, for: step, now: now)
        try await ledger.record([step], as: .done, meetingID: meetingID, occurrence: occurrence, now: now)
        await meetingChanged(meetingID)
    }

    /// Postpones `step` to `requested`, clamped to the next later step and the start; returns the
    /// new time.
    func snooze(meetingID: Int64, step: Step, until requested: Date) async throws -> Date {
        let meeting = try await meetings.meeting(id: meetingID)
        let now = clock.now()
        let occurrence = currentOccurrence(of: meeting, for: step, now: now)
        let times = ReminderSchedule.times(
            start: occurrence, end: occurrence.addingTimeInterval(TimeInterval(meeting.durationSeconds)),
            zone: meeting.timeZone, policy: effectivePolicy(meeting))
        guard let own = times[step] else {
            throw MentordError.cannotSnooze(meetingId: meetingID, step: step.rawValue, reason: "the step is off")
        }
        let entries = try await ledger.entries(meetingID: meetingID, occurrence: occurrence)
        if let state = entries[step]?.state, state == .done || state == .missed || state == .suppressed {
            throw MentordError.cannotSnooze(
                meetingId: meetingID, step: step.rawValue, reason: "it is already \(state.rawValue)")
        }
        // A step due at the start counts as missed, so "never past the start" means just before it.
        let beforeStart = step.isAfterMeeting ? Date.distantFuture : occurrence.addingTimeInterval(-1)
        let later = times.filter { $0.key != step && $0.value > own && $0.key.isAfterMeeting == step.isAfterMeeting }
        let nextStep = later.values.min() ?? .distantFuture
        // Snoozing a reminder that has not fired yet postpones it; it never brings it forward.
        let shown = entries[step]?.state == .delivered || entries[step]?.state == .fired
        let until = min(shown ? requested : max(requested, own), nextStep, beforeStart)
        guard until > now else {
            let reason = nextStep <= beforeStart ? "its next step comes first" : "the meeting starts first"
            throw MentordError.cannotSnooze(meetingId: meetingID, step: step.rawValue, reason: reason)
        }
        try await ledger.snooze(step, meetingID: meetingID, occurrence: occurrence, until: until, now: now)
        await meetingChanged(meetingID)
        return until
    }

    /// The policy for one meeting: the configuration with the meeting's overrides.
    func effectivePolicy(_ meeting: Meeting) -> ReminderPolicy {
        policy.overriding(meeting.reminderOverrides)
    }

    private func timerFired() async {
        let now = clock.now()
        for id in queue.popDue(atOrBefore: now) {
            guard let meeting = try? await meetings.meeting(id: id) else { continue }
            await plan(meeting, now: now)
        }
        rearm()
    }

    /// The occurrences that may still remind: from those whose capture nudges could still be due
    /// to those whose first step (at most 30 days ahead, plus a week of working-day shifts) could be.
    private func occurrences(of meeting: Meeting, now: Date) -> [Date] {
        meeting.occurrences(
            from: now.addingTimeInterval(-lookBack - TimeInterval(meeting.durationSeconds)),
            through: now.addingTimeInterval(38 * 86_400), limit: 64)
    }

    private func decisions(for meeting: Meeting, now: Date) async throws -> [ReminderPlanner.Decision] {
        let policy = effectivePolicy(meeting)
        var decisions: [ReminderPlanner.Decision] = []
        for occurrence in occurrences(of: meeting, now: now) {
            let end = occurrence.addingTimeInterval(TimeInterval(meeting.durationSeconds))
            let times = ReminderSchedule.times(start: occurrence, end: end, zone: meeting.timeZone, policy: policy)
            let entries = try await ledger.entries(meetingID: meeting.id, occurrence: occurrence)
            decisions.append(
                ReminderPlanner.decide(
                    meetingID: meeting.id, start: occurrence, times: times, ledger: entries, now: now,
                    mergeWithin: policy.mergeWithinSeconds, order: policy.order))
        }
        return decisions
    }

    /// Carries out the planner's decisions for one meeting and queues its next card.
    private func plan(_ meeting: Meeting, now: Date) async {
        guard meeting.status == .scheduled else {
            queue.set(meeting.id, nil)
            return
        }
        do {
            var next: Date?
            for decision in try await decisions(for: meeting, now: now) {
                try await carryOut(decision, for: meeting, now: now)
                if let due = decision.next?.dueAt { next = min(next ?? due, due) }
            }
            queue.set(meeting.id, next)
        } catch {
            // Most likely the database is locked or full: try again in a minute rather than lose it.
            logger.error("Failed to plan reminders of meeting \(meeting.id): \(error), retrying in 60 s")
            queue.set(meeting.id, now.addingTimeInterval(60))
        }
    }

    private func carryOut(_ decision: ReminderPlanner.Decision, for meeting: Meeting, now: Date) async throws {
        let occurrence = decision.occurrence
        try await ledger.record(decision.missed, as: .missed, meetingID: meeting.id, occurrence: occurrence, now: now)
        try await ledger.record(
            decision.suppressed, as: .suppressed, meetingID: meeting.id, occurrence: occurrence, now: now)
        if !decision.missed.isEmpty {
            logger.notice(
                "Missed \(decision.missed.map(\.rawValue).joined(separator: ", ")) of '\(meeting.title)': it had started",
                metadata: ["mentord.meeting.id": "\(meeting.id)"])
        }
        if let card = decision.deliver, try await ledger.claim(card, now: now) {
            await publish(card, of: meeting)
            try await ledger.markDelivered(card, now: now)
        }
    }

    private func publish(_ card: ReminderCard, of meeting: Meeting) async {
        let reminder = reminder(card, of: meeting)
        let subscribers = broadcaster.publish(reminder)
        let steps = card.steps.map(\.rawValue).joined(separator: ", ")
        logger.info(
            "Reminder: \(meeting.title) with \(meeting.relationship.partner): \(steps)\(card.late ? " (late)" : "")",
            metadata: [
                "mentord.meeting.id": "\(meeting.id)", "mentord.steps": "\(card.steps.map(\.rawValue))",
                "mentord.subscribers": "\(subscribers)",
            ])
    }

    private func reminder(_ card: ReminderCard, of meeting: Meeting) -> Wire.Reminder {
        Wire.Reminder(
            meetingId: meeting.id, occurrence: RFC3339.utc(card.occurrence), title: meeting.title,
            partner: meeting.relationship.partner, role: Wire.Role(meeting.relationship.role),
            steps: card.steps.map(\.rawValue), dueAt: RFC3339.utc(card.dueAt),
            localDueAt: RFC3339.local(card.dueAt, in: meeting.timeZone),
            localStart: RFC3339.local(card.occurrence, in: meeting.timeZone), timeZone: meeting.timeZone.identifier,
            // Counted from when the card is shown: a late card is shown now, not at its due time.
            minutesToStart: Int((card.occurrence.timeIntervalSince(max(card.dueAt, clock.now())) / 60).rounded(.down)),
            late: card.late,
            prompts: card.steps.map {
                Wire.StepPrompts(
                    step: $0.rawValue, prompts: PromptCatalog.prompts(for: $0, as: meeting.relationship.role))
            })
    }

    private func rearm() {
        let next = queue.peek()
        timer?.arm(at: next?.deadline)
        if announced != .some(next?.deadline) {
            announced = .some(next?.deadline)
            onNext(next?.deadline)
        }
    }
}
