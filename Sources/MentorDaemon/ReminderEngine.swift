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
    /// Where the prompts' context comes from: goals, captures, open items.
    private let stores: MentoringStores
    private let ledger: ReminderLedgerStore
    private let clock: any WallClock
    private let channels: ReminderChannels
    private let logger: Logger
    private var policy: ReminderPolicy
    private var queue = DeadlineQueue<Int64>()
    /// Each meeting's next card alone (the queue also holds wake-ups, retries and commitments):
    /// what `GetNextReminder` shows.
    private var cards = DeadlineQueue<Int64>()
    private var timer: WallClockTimer?
    /// Called with the next card after every change, for the service manager's status line.
    private let onNext: @Sendable (Date?) -> Void
    /// The deadline last passed to `onNext`, so an unchanged one is not announced again.
    private var announced: Date??

    /// Run one at a time (see ``exclusively(_:)``): a mutation holds the gate across its awaits.
    private var gateBusy = false
    private var gateWaiters: [CheckedContinuation<Void, Never>] = []

    /// Fault injection for the crash tests: with `MENTORD_FAULT=crash-after-claim` in its
    /// environment the daemon kills itself right after a card is claimed in the ledger and before
    /// anyone sees it, the window the restart path must close. Not for use outside tests.
    private static let crashAfterClaim = ProcessInfo.processInfo.environment["MENTORD_FAULT"] == "crash-after-claim"

    /// The queue key that stands for "re-plan every meeting" (meeting ids start at 1).
    private static let everything: Int64 = 0

    /// The queue key that stands for "the next meeting starts to come into the planning window"
    /// (commitments use negative item ids, which never reach it).
    private static let horizon = Int64.min

    /// Meetings starting up to here have been planned; later ones wait for the horizon key.
    private var plannedThrough: Date?

    /// How far back a meeting's occurrences may still remind: its last capture nudge plus the grace.
    private func lookBack(for meeting: Meeting) -> TimeInterval {
        let policy = effectivePolicy(meeting)
        return TimeInterval(policy.offsets.filter { $0.key.isAfterMeeting }.map(\.value).max() ?? 0)
            + ReminderPlanner.captureGrace
    }

    /// The widest look-back any meeting can have: capture offsets go up to 30 days.
    private static let widestLookBack =
        TimeInterval(ReminderPolicy.offsetRange.upperBound) + ReminderPlanner.captureGrace

    init(
        stores: MentoringStores, ledger: ReminderLedgerStore, policy: ReminderPolicy, clock: any WallClock,
        channels: ReminderChannels, logger: Logger, onNext: @escaping @Sendable (Date?) -> Void
    ) {
        self.stores = stores
        self.meetings = stores.meetings
        self.ledger = ledger
        self.policy = policy
        self.clock = clock
        self.channels = channels
        self.logger = logger
        self.onNext = onNext
    }

    /// Delivers what a crash left claimed but undelivered, plans every meeting and arms the timer.
    /// After downtime this is where missed reminders become a digest or are recorded as missed.
    func start(timerQueue: DispatchQueue) async {
        timer = WallClockTimer(queue: timerQueue) { [weak self] in
            Task { await self?.timerFired() }
        }
        channels.setActionHandler { [weak self] action in
            Task { await self?.perform(action) }
        }
        await exclusively {
            let unfinished: [ReminderCard]
            do {
                unfinished = try await ledger.unfinishedCards()
            } catch {
                logger.error("Failed to read deliveries interrupted by a restart: \(error)")
                unfinished = []
            }
            // Each card on its own: one failure must not strand the others.
            for card in unfinished {
                do {
                    let meeting = try await meetings.meeting(id: card.meetingID)
                    await publish(card, of: meeting)
                    try await ledger.markDelivered(card, now: clock.now())
                } catch {
                    logger.error("Failed to finish the delivery of a card of meeting \(card.meetingID): \(error)")
                }
            }
            await replanEverything()
        }
    }

    /// Re-plans one meeting after it was added or changed (or removed: then it is dropped).
    func meetingChanged(_ id: Int64) async {
        await exclusively {
            await replan(id, now: clock.now())
            rearm()
        }
    }

    /// A single meeting moved from `oldStart`, or one occurrence of a series from `oldStart` to
    /// `newStart`: done steps stay done, and a step already shown is not shown again just because
    /// its new time has also passed. Steps whose new time is ahead remind afresh, for the new date.
    func occurrenceMoved(_ id: Int64, from oldStart: Date, to newStart: Date? = nil) async {
        await exclusively {
            let now = clock.now()
            do {
                let meeting = try await meetings.meeting(id: id)
                let target = newStart ?? meeting.start
                if target != oldStart && (newStart != nil || meeting.recurrence == nil) {
                    let end = target.addingTimeInterval(TimeInterval(meeting.durationSeconds))
                    let times = ReminderSchedule.times(
                        start: target, end: end, zone: meeting.timeZone, policy: effectivePolicy(meeting))
                    let old = try await ledger.entries(meetingID: id, occurrence: oldStart)
                    for (step, entry) in old {
                        let passed = (times[step] ?? now) <= now
                        guard entry.state == .done || (entry.state.isSettled && passed) else { continue }
                        try await ledger.record(
                            [step], as: entry.state == .fired ? .delivered : entry.state, meetingID: id,
                            occurrence: target, now: now)
                    }
                }
            } catch {
                logger.error("Failed to carry reminders of meeting \(id) to its new time: \(error)")
            }
            await replan(id, now: now)
            rearm()
        }
    }

    /// Re-plans everything: after a clock step or a configuration change.
    func replanAll() async {
        await exclusively { await replanEverything() }
    }

    /// Replaces the policy (configuration reload) and re-plans.
    func use(_ policy: ReminderPolicy) async {
        await exclusively {
            self.policy = policy
            await replanEverything()
        }
    }

    /// The next card that will fire.
    func nextReminder() async -> (reminder: Wire.Reminder, dueAt: Date)? {
        guard let (_, id) = cards.peek(), let meeting = try? await meetings.meeting(id: id),
            let decisions = try? await decisions(for: meeting, now: clock.now()),
            let card = decisions.compactMap(\.next).min(by: { $0.dueAt < $1.dueAt })
        else { return nil }
        return (await reminder(card, of: meeting), card.dueAt)
    }

    /// The occurrence a step command is about: for steps before a meeting, the next one that has
    /// not started; for capture, the last one that has ended (the next one if none has).
    func currentOccurrence(of meeting: Meeting, for step: Step, now: Date) -> Date {
        let nearby = meeting.occurrences(
            from: now.addingTimeInterval(-lookBack(for: meeting)), through: now.addingTimeInterval(400 * 86_400),
            limit: 64)
        let duration = TimeInterval(meeting.durationSeconds)
        if step.isAfterMeeting, let ended = nearby.last(where: { $0.addingTimeInterval(duration) <= now }) {
            return ended
        }
        return nearby.first(where: { $0 > now }) ?? nearby.last ?? meeting.start
    }

    /// Occurrences of scheduled meetings starting in `from...through`, with their planned reminders.
    func upcoming(from: Date, through: Date, limit: Int) async throws -> [Wire.Occurrence] {
        var found: [(start: Date, meeting: Meeting)] = []
        for meeting in try await meetings.plannable(endingAfter: from, startingBy: through) {
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
        try await markDone(meetingID: meetingID, steps: [step], occurrence: nil)
    }

    /// Marks `steps` of one occurrence (by default the current one for the first step) done.
    func markDone(meetingID: Int64, steps: [Step], occurrence given: Date?) async throws {
        try await exclusively {
            let meeting = try await meetings.meeting(id: meetingID)
            let now = clock.now()
            let occurrence = given ?? currentOccurrence(of: meeting, for: steps.first ?? .purpose, now: now)
            try await ledger.record(steps, as: .done, meetingID: meetingID, occurrence: occurrence, now: now)
            await replan(meetingID, now: now)
            rearm()
        }
    }

    /// Postpones `step` to `requested`, clamped to the next later step and the start; returns the
    /// new time.
    func snooze(meetingID: Int64, step: Step, until requested: Date) async throws -> Date {
        try await exclusively { try await snoozeAlone(meetingID: meetingID, step: step, until: requested) }
    }

    private func snoozeAlone(meetingID: Int64, step: Step, until requested: Date, occurrence given: Date? = nil)
        async throws -> Date
    {
        let meeting = try await meetings.meeting(id: meetingID)
        let now = clock.now()
        let occurrence = given ?? currentOccurrence(of: meeting, for: step, now: now)
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
        await replan(meetingID, now: now)
        rearm()
        return until
    }

    /// Carries out a notification button: Done marks the card's steps done, Snooze postpones
    /// each by an hour (clamped as ``snooze(meetingID:step:until:)`` is). Failures are logged:
    /// nobody waits for an answer.
    func perform(_ action: ReminderAction) async {
        switch action {
        case .done(let meetingID, let occurrence, let steps):
            do {
                try await markDone(
                    meetingID: meetingID, steps: steps.compactMap(Step.init(rawValue:)), occurrence: occurrence)
            } catch {
                logger.error("Cannot mark the steps of meeting \(meetingID) done: \(error)")
            }
        case .snooze(let meetingID, let occurrence, let steps):
            for step in steps.compactMap(Step.init(rawValue:)) {
                do {
                    let until = try await exclusively {
                        try await snoozeAlone(
                            meetingID: meetingID, step: step, until: clock.now().addingTimeInterval(3600),
                            occurrence: occurrence)
                    }
                    logger.info("Snoozed \(step.rawValue) of meeting \(meetingID) until \(RFC3339.utc(until))")
                } catch {
                    logger.warning("Cannot snooze \(step.rawValue) of meeting \(meetingID): \(error)")
                }
            }
        }
    }

    /// Re-plans the due-date reminder of one action item (added, done, dropped, reopened).
    ///
    /// The user's own open commitments (owner me or both) with a due date remind once, at the prep
    /// hour of that day in the daemon's zone. Their queue keys are the negated item ids.
    func itemChanged(_ id: Int64) async {
        await exclusively {
            let now = clock.now()
            do {
                guard try await stores.actions.awaitsReminder(id: id) else {
                    queue.set(-id, nil)
                    rearm()
                    return
                }
                queue.set(-id, commitmentDue(try await stores.actions.item(id: id)) ?? now)
            } catch {
                logger.error("Failed to plan the reminder of action item \(id): \(error), retrying in 60 s")
                queue.set(-id, now.addingTimeInterval(60))
            }
            rearm()
        }
    }

    /// The prep hour of the item's due day, in the daemon's zone.
    private func commitmentDue(_ item: ActionItem) -> Date? {
        LocalDateTime(day: item.dueOn, hour: policy.prepHourMinutes / 60, minute: policy.prepHourMinutes % 60)?
            .instant(in: TimeZone.current)
    }

    /// Sends one commitment's due-date card, then records it, so a crash in between repeats it
    /// rather than losing it.
    private func remindCommitment(_ id: Int64, now: Date) async {
        do {
            guard try await stores.actions.awaitsReminder(id: id) else { return }
            let item = try await stores.actions.item(id: id)
            let relationship = try await stores.relationships.relationship(id: item.relationshipID)
            let due = commitmentDue(item) ?? now
            let zone = TimeZone.current
            let step = "commitment"
            await channels.publish(
                Wire.Reminder(
                    meetingId: item.origin?.meetingID ?? 0, occurrence: RFC3339.utc(due), title: item.text,
                    partner: relationship.partner, role: Wire.Role(relationship.role), steps: [step],
                    dueAt: RFC3339.utc(due), localDueAt: RFC3339.local(due, in: zone),
                    localStart: RFC3339.local(due, in: zone), timeZone: zone.identifier, minutesToStart: 0,
                    late: now.timeIntervalSince(due) > 60,
                    prompts: [
                        Wire.StepPrompts(
                            step: step,
                            prompts: [
                                "Due today, promised to \(relationship.partner): \(item.text).",
                                "Done? mentorctl action done \(id). No longer needed? mentorctl action drop \(id).",
                            ])
                    ]))
            try await stores.actions.markReminded(id: id, now: now)
        } catch {
            logger.error("Failed to remind action item \(id): \(error), retrying in 60 s")
            queue.set(-id, now.addingTimeInterval(60))
        }
    }

    /// Returns once the engine is free: a mutation that never ends would hold this up, which is
    /// what the watchdog's ping is for.
    func heartbeat() async {
        await exclusively {}
    }

    /// The policy for one meeting: the configuration, then its relationship's overrides, then its own.
    func effectivePolicy(_ meeting: Meeting) -> ReminderPolicy {
        policy.overriding(meeting.relationship.reminderOverrides).overriding(meeting.reminderOverrides)
    }

    /// What the timer runs when its deadline passes (tests call it after moving their clock).
    func timerFired() async {
        await exclusively {
            let now = clock.now()
            let due = queue.popDue(atOrBefore: now)
            if due.contains(Self.everything) {
                await replanEverything()
                return
            }
            for id in due {
                if id == Self.horizon {
                    await planNewlyNear(now: now)
                } else if id < 0 {
                    await remindCommitment(-id, now: now)
                } else {
                    await replan(id, now: now)
                }
            }
            rearm()
        }
    }

    /// Runs `body` with no other mutation of the engine in between. The actor alone does not
    /// ensure that: at every await of the ledger another call could run, plan from a stale
    /// snapshot and overwrite a newer plan.
    private func exclusively<T>(_ body: () async throws -> T) async rethrows -> T {
        if gateBusy {
            await withCheckedContinuation { gateWaiters.append($0) }
        } else {
            gateBusy = true
        }
        // Hand the gate to the next waiter, or open it.
        defer { if gateWaiters.isEmpty { gateBusy = false } else { gateWaiters.removeFirst().resume() } }
        return try await body()
    }

    /// Re-plans one meeting: dropped when it no longer exists, retried in a minute when it cannot
    /// be read (a locked or full database must not silently end its reminders).
    private func replan(_ id: Int64, now: Date) async {
        do {
            await plan(try await meetings.meeting(id: id), now: now)
        } catch StoreError.noSuchMeeting {
            queue.set(id, nil)
            cards.set(id, nil)
        } catch {
            logger.error("Failed to read meeting \(id) for planning: \(error), retrying in 60 s")
            queue.set(id, now.addingTimeInterval(60))
        }
    }

    /// Re-plans every meeting that can remind within the planning window into a new queue, and
    /// arms the horizon for the first one beyond it. If the meetings cannot be read, the old plans
    /// stay and everything is tried again in a minute.
    ///
    /// Meetings further ahead are not read at all: at start-up the cost follows what is near,
    /// not everything ever stored (READY=1 with 100,000 meetings, most of them years ahead).
    private func replanEverything() async {
        let now = clock.now()
        let through = now.addingTimeInterval(Self.planningWindow)
        let all: [Meeting]
        do {
            all = try await meetings.plannable(
                endingAfter: now.addingTimeInterval(-Self.widestLookBack), startingBy: through)
        } catch {
            logger.error("Failed to load meetings for planning: \(error), keeping the current plans; retrying in 60 s")
            queue.set(Self.everything, now.addingTimeInterval(60))
            rearm()
            return
        }
        // One read of the ledger for every occurrence that can still remind; a failure falls back
        // to reading per occurrence.
        let preloaded = try? await ledger.entries(from: now.addingTimeInterval(-Self.widestLookBack - 86_400))
        queue = DeadlineQueue()
        cards = DeadlineQueue()
        for meeting in all { await plan(meeting, now: now, preloaded: preloaded) }
        plannedThrough = through
        await armHorizon(after: through, now: now)
        do {
            for item in try await stores.actions.awaitingReminder() {
                queue.set(-item.id, commitmentDue(item) ?? now)
            }
        } catch {
            logger.error("Failed to load commitments for their due-date reminders: \(error), retrying in 60 s")
            queue.set(Self.everything, now.addingTimeInterval(60))
        }
        rearm()
    }

    /// Plans the meetings that came into the planning window since it was last moved on.
    private func planNewlyNear(now: Date) async {
        let through = now.addingTimeInterval(Self.planningWindow)
        do {
            for meeting in try await meetings.starting(after: plannedThrough ?? now, through: through) {
                await plan(meeting, now: now)
            }
            plannedThrough = through
            await armHorizon(after: through, now: now)
        } catch {
            logger.error("Failed to load the meetings coming near: \(error), retrying in 60 s")
            queue.set(Self.horizon, now.addingTimeInterval(60))
        }
    }

    /// Wakes the engine when the first meeting starting after `through` comes into the window.
    private func armHorizon(after through: Date, now: Date) async {
        do {
            let next = try await meetings.firstStart(after: through)
            queue.set(Self.horizon, next.map { $0.addingTimeInterval(-Self.planningWindow) })
        } catch {
            logger.error("Failed to look for meetings beyond the planning window: \(error), retrying in 60 s")
            queue.set(Self.horizon, now.addingTimeInterval(60))
        }
    }

    /// How far ahead occurrences are planned: the longest offset (30 days) plus a week of
    /// working-day shifts.
    static let planningWindow: TimeInterval = 38 * 86_400

    /// The deadline the timer is armed for, if any (for tests).
    func nextDeadline() -> Date? {
        queue.peek()?.deadline
    }

    /// The occurrences that may still remind: from those whose capture nudges could still be due
    /// to those whose first step (at most 30 days ahead, plus a week of working-day shifts) could be.
    private func occurrences(of meeting: Meeting, now: Date) -> [Date] {
        meeting.occurrences(
            from: now.addingTimeInterval(-lookBack(for: meeting) - TimeInterval(meeting.durationSeconds)),
            through: now.addingTimeInterval(Self.planningWindow), limit: 64)
    }

    /// The planner's decisions for each occurrence that may still remind. `preloaded` is the
    /// ledger read in one go for a full re-plan; without it each occurrence's entries are read.
    private func decisions(
        for meeting: Meeting, now: Date, preloaded: [MeetingOccurrence: [Step: LedgerEntry]]? = nil
    ) async throws -> [ReminderPlanner.Decision] {
        let policy = effectivePolicy(meeting)
        var decisions: [ReminderPlanner.Decision] = []
        for occurrence in occurrences(of: meeting, now: now) {
            let end = occurrence.addingTimeInterval(TimeInterval(meeting.durationSeconds))
            let times = ReminderSchedule.times(start: occurrence, end: end, zone: meeting.timeZone, policy: policy)
            let entries =
                if let preloaded {
                    preloaded[MeetingOccurrence(meetingID: meeting.id, occurrence: occurrence.roundedToMilliseconds)]
                        ?? [:]
                } else {
                    try await ledger.entries(meetingID: meeting.id, occurrence: occurrence)
                }
            decisions.append(
                ReminderPlanner.decide(
                    meetingID: meeting.id, start: occurrence, times: times, ledger: entries, now: now,
                    mergeWithin: policy.mergeWithinSeconds, order: policy.order))
        }
        return decisions
    }

    /// Carries out the planner's decisions for one meeting and queues its next card.
    private func plan(
        _ meeting: Meeting, now: Date, preloaded: [MeetingOccurrence: [Step: LedgerEntry]]? = nil
    ) async {
        guard meeting.status == .scheduled else {
            queue.set(meeting.id, nil)
            cards.set(meeting.id, nil)
            return
        }
        do {
            var next: Date?
            for decision in try await decisions(for: meeting, now: now, preloaded: preloaded) {
                try await carryOut(decision, for: meeting, now: now)
                if let due = decision.next?.dueAt { next = min(next ?? due, due) }
            }
            cards.set(meeting.id, next)
            // A meeting beyond the planning window wakes the engine when its first occurrence
            // enters it, to be planned then; without this it would wait for a full re-plan.
            if next == nil,
                let later = meeting.occurrences(
                    from: now.addingTimeInterval(Self.planningWindow), through: .distantFuture, limit: 1
                ).first
            {
                next = later.addingTimeInterval(-Self.planningWindow)
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
        if let card = decision.deliver {
            // The card's prompts are read while the claim is written (readers and the writer are
            // separate connections): both are on the path from the due instant to delivery.
            async let rendered = reminder(card, of: meeting)
            guard try await ledger.claim(card, now: now) else { return }
            if Self.crashAfterClaim { kill(getpid(), SIGKILL) }
            await publish(await rendered, of: meeting)
            try await ledger.markDelivered(card, now: now)
        }
    }

    private func publish(_ card: ReminderCard, of meeting: Meeting) async {
        await publish(await reminder(card, of: meeting), of: meeting)
    }

    private func publish(_ reminder: Wire.Reminder, of meeting: Meeting) async {
        let subscribers = await channels.publish(reminder)
        logger.debug(
            "Delivered a card of meeting \(meeting.id) to \(subscribers) subscribers",
            metadata: ["mentord.meeting.id": "\(meeting.id)"])
    }

    /// A made-up card for `TestNotify`: a meeting 15 minutes from now, with the Participation
    /// prompts. Its meeting id is 0, which no meeting has, so its buttons change nothing.
    func sampleReminder() -> Wire.Reminder {
        let now = clock.now()
        let start = now.addingTimeInterval(15 * 60)
        let zone = TimeZone.current
        return Wire.Reminder(
            meetingId: 0, occurrence: RFC3339.utc(start), title: "mentord test notification", partner: "nobody",
            role: .mentee, steps: [Step.participation.rawValue], dueAt: RFC3339.utc(now),
            localDueAt: RFC3339.local(now, in: zone), localStart: RFC3339.local(start, in: zone),
            timeZone: zone.identifier, minutesToStart: 15, late: false,
            prompts: [
                Wire.StepPrompts(
                    step: Step.participation.rawValue, prompts: PromptCatalog.prompts(for: .participation, as: .mentee))
            ])
    }

    private func reminder(_ card: ReminderCard, of meeting: Meeting) async -> Wire.Reminder {
        let context: PromptContext
        do {
            context = try await MeetingContext.load(for: meeting, occurrence: card.occurrence, from: stores)
                .promptContext
        } catch {
            // The card still goes out, with the prompts that need no stored data.
            logger.warning("Cannot load the context of meeting \(meeting.id) for its prompts: \(error)")
            context = PromptContext(partner: meeting.relationship.partner, phase: meeting.relationship.phase)
        }
        return Wire.Reminder(
            meetingId: meeting.id, occurrence: RFC3339.utc(card.occurrence), title: meeting.title,
            partner: meeting.relationship.partner, role: Wire.Role(meeting.relationship.role),
            steps: card.steps.map(\.rawValue), dueAt: RFC3339.utc(card.dueAt),
            localDueAt: RFC3339.local(card.dueAt, in: meeting.timeZone),
            localStart: RFC3339.local(card.occurrence, in: meeting.timeZone), timeZone: meeting.timeZone.identifier,
            // From the due time, or for a late card from now, when it is shown.
            minutesToStart: Int(
                (card.occurrence.timeIntervalSince(card.late ? max(card.dueAt, clock.now()) : card.dueAt) / 60).rounded(
                    .down)),
            late: card.late,
            prompts: card.steps.map {
                Wire.StepPrompts(
                    step: $0.rawValue,
                    prompts: PromptCatalog.prompts(for: $0, as: meeting.relationship.role, context: context))
            })
    }

    private func rearm() {
        timer?.arm(at: queue.peek()?.deadline)
        // The status line names the next card, not the engine's own wake-ups and retries.
        let card = cards.peek()?.deadline
        if announced != .some(card) {
            announced = .some(card)
            onNext(card)
        }
    }
}
