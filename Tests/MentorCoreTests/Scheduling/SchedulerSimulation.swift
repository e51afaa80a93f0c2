import Foundation
import MentorCore

/// The reminder engine's loop in memory, for testing the scheduling rules as values: a
/// ``ReminderScheduler``, meetings, a ledger and a clock, run from one deadline to the next.
///
/// It carries out decisions the way the daemon does (record missed and suppressed steps, claim a
/// card only when none of its steps is settled, then mark it delivered) and keeps every card sent,
/// with the instant it went out.
struct SchedulerSimulation {
    /// One card as it went out.
    struct Sent: Hashable {
        var card: ReminderCard
        var at: Date
    }

    var scheduler: ReminderScheduler
    private(set) var now: Date
    private(set) var meetings: [Int64: Meeting] = [:]
    /// Meeting -> occurrence key -> step -> entry.
    private(set) var ledger: [Int64: [Int64: [Step: LedgerEntry]]] = [:]
    private(set) var sent: [Sent] = []
    /// Claims refused because a step was settled in between: never expected here.
    private(set) var refusedClaims = 0

    init(policy: ReminderPolicy, userZone: TimeZone, now: Date) {
        scheduler = ReminderScheduler(rules: ReminderRules(policy: policy, userZone: userZone))
        self.now = now
    }

    /// The daemon starting: every meeting planned from scratch.
    mutating func start() {
        replanEverything()
    }

    mutating func add(_ meeting: Meeting) {
        meetings[meeting.id] = meeting
        plan(meeting.id)
    }

    /// Runs the engine until `end`, waking at each deadline as the timer would.
    mutating func run(until end: Date) {
        while let deadline = scheduler.deadline(), deadline <= end {
            now = max(now, deadline)
            for wake in scheduler.due(at: now) { handle(wake) }
        }
        now = max(now, end)
    }

    /// The daemon down (or the machine asleep) until `end`, then started again.
    mutating func downtime(until end: Date) {
        now = max(now, end)
        replanEverything()
    }

    /// The entries of one occurrence.
    func entries(_ meetingID: Int64, _ occurrence: Date) -> [Step: LedgerEntry] {
        ledger[meetingID]?[occurrence.millisecondsSince1970] ?? [:]
    }

    // MARK: - What the user does

    /// Snoozes `steps` of the current occurrence (of the first step) until `requested`.
    @discardableResult
    mutating func snooze(_ meetingID: Int64, _ steps: [Step], until requested: Date, occurrence: Date? = nil)
        throws(SnoozeRule.Refusal) -> SnoozeRule.Outcome
    {
        let meeting = meetings[meetingID]!
        let occurrence = occurrence ?? scheduler.rules.currentOccurrence(of: meeting, for: steps[0], now: now)
        let outcome = try scheduler.rules.snooze(
            steps, of: meeting, occurrence: occurrence, until: requested, ledger: entries(meetingID, occurrence),
            now: now)
        for step in steps {
            write(meetingID, occurrence, step, LedgerEntry(step: step, state: .snoozed, snoozedUntil: outcome.until))
        }
        plan(meetingID)
        return outcome
    }

    /// Marks `steps` done for the current occurrence (of the first step).
    mutating func done(_ meetingID: Int64, _ steps: [Step], occurrence: Date? = nil) {
        let meeting = meetings[meetingID]!
        let occurrence = occurrence ?? scheduler.rules.currentOccurrence(of: meeting, for: steps[0], now: now)
        for step in steps { write(meetingID, occurrence, step, LedgerEntry(step: step, state: .done)) }
        plan(meetingID)
    }

    /// Moves the occurrence now at `from` (its original start `original`) to `to`, carrying its ledger.
    mutating func move(_ meetingID: Int64, original: Date, from: Date, to: Date) {
        var meeting = meetings[meetingID]!
        if meeting.recurrence == nil { meeting.start = to } else { meeting.exceptions[original] = to }
        meetings[meetingID] = meeting
        let carried = scheduler.rules.carriedLedger(entries(meetingID, from), to: to, of: meeting, now: now)
        ledger[meetingID]?[from.millisecondsSince1970] = nil
        for (step, state) in carried { write(meetingID, to, step, LedgerEntry(step: step, state: state)) }
        plan(meetingID)
    }

    /// Cancels the occurrence whose original start is `original`.
    mutating func cancel(_ meetingID: Int64, original: Date) {
        meetings[meetingID]!.exceptions[original] = .some(nil)
        plan(meetingID)
    }

    // MARK: - The engine

    private mutating func handle(_ wake: Wake) {
        switch wake {
        case .meeting(let id): plan(id)
        case .everything: replanEverything()
        case .horizon: planHorizon()
        case .commitment, .relationship: break
        // The daemon sends the cards of a digest as one; each is claimed as any card is.
        case .digest(let day):
            for card in scheduler.takeDigest(day: day) {
                let current = entries(card.meetingID, card.occurrence)
                guard card.steps.allSatisfy({ !(current[$0]?.state.isSettled ?? false) }) else {
                    plan(card.meetingID)
                    continue
                }
                for step in card.steps {
                    write(card.meetingID, card.occurrence, step, LedgerEntry(step: step, state: .delivered))
                }
                sent.append(Sent(card: card, at: now))
            }
        }
    }

    private mutating func plan(_ id: Int64) {
        guard let meeting = meetings[id] else {
            scheduler.forget(meetingID: id)
            return
        }
        // A refused claim means the ledger changed underneath: plan again from what it says now.
        for _ in 0..<3 {
            var refused = false
            for decision in scheduler.plan(meeting, ledger: ledger[id] ?? [:], now: now) {
                refused = !carryOut(decision, meetingID: id) || refused
            }
            if !refused { return }
            refusedClaims += 1
        }
    }

    private mutating func carryOut(_ decision: ReminderPlanner.Decision, meetingID: Int64) -> Bool {
        for (steps, state) in [(decision.missed, LedgerState.missed), (decision.suppressed, .suppressed)] {
            for step in steps where entries(meetingID, decision.occurrence)[step]?.state.canBecome(state) ?? true {
                write(meetingID, decision.occurrence, step, LedgerEntry(step: step, state: state))
            }
        }
        guard let card = decision.deliver else { return true }
        let current = entries(meetingID, card.occurrence)
        guard card.steps.allSatisfy({ !(current[$0]?.state.isSettled ?? false) }) else { return false }
        for step in card.steps { write(meetingID, card.occurrence, step, LedgerEntry(step: step, state: .delivered)) }
        sent.append(Sent(card: card, at: now))
        return true
    }

    private mutating func replanEverything() {
        let range = scheduler.fullReplanRange(now: now)
        scheduler.clearPlans()
        for meeting in meetings.values.sorted(by: { $0.id < $1.id })
        where meeting.status == .scheduled
            && (meeting.recurrence != nil || meeting.end > range.endingAfter) && meeting.start <= range.startingBy
        {
            plan(meeting.id)
        }
        scheduler.planned(through: range.startingBy, firstStartBeyond: firstStart(after: range.startingBy))
    }

    private mutating func planHorizon() {
        let range = scheduler.horizonRange(now: now)
        for meeting in meetings.values.sorted(by: { $0.id < $1.id })
        where meeting.start > range.after && meeting.start <= range.through {
            plan(meeting.id)
        }
        scheduler.planned(through: range.through, firstStartBeyond: firstStart(after: range.through))
    }

    private func firstStart(after instant: Date) -> Date? {
        meetings.values.filter { $0.status == .scheduled && $0.start > instant }.map(\.start).min()
    }

    private mutating func write(_ meetingID: Int64, _ occurrence: Date, _ step: Step, _ entry: LedgerEntry) {
        ledger[meetingID, default: [:]][occurrence.millisecondsSince1970, default: [:]][step] = entry
    }
}
