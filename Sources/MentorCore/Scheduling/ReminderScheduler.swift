import Foundation

/// The reminder engine's decisions, as a value: when each meeting and commitment wakes the engine,
/// what each meeting's occurrences need now, and how far ahead meetings are planned.
///
/// It does no I/O and reads no clock. The daemon feeds it what it read from the store (a meeting
/// and its ledger) with the time, carries out the decisions it returns (ledger writes, delivery),
/// and arms its one timer for ``deadline()``. Tests drive it with any `now` they like.
///
/// The planning window: occurrences are planned when they can remind within ``planningWindow``
/// (the longest offset, 30 days, plus a week of working-day shifts); one ``Wake/horizon`` deadline
/// brings later meetings in as they come near, so start-up costs what is near, not everything stored.
public struct ReminderScheduler: Sendable {
    /// The policy and zone every decision follows; replacing them calls for a full re-plan.
    public var rules: ReminderRules

    private var wakes = DeadlineQueue<Wake>()
    /// Each meeting's next card, for the status line and `GetNextReminder`.
    private var cards = DeadlineQueue<Int64>()
    private var nextCards: [Int64: ReminderCard] = [:]
    /// Meetings starting up to here have been planned; later ones wait for the horizon.
    private var plannedThrough: Date?
    /// Cards held back for a digest, by the user's local day and meeting (see ``DigestRule``).
    private var held: [Int: [Int64: ReminderCard]] = [:]

    /// How far ahead occurrences are planned: the longest offset (30 days) plus a week of
    /// working-day shifts.
    public static let planningWindow: TimeInterval = 38 * 86_400

    /// How long after a failure (a locked or full database) a wake is tried again.
    public static let retryDelay: TimeInterval = 60

    /// The widest look-back any meeting can have: capture offsets go up to 30 days.
    public static let widestLookBack =
        TimeInterval(ReminderPolicy.offsetRange.upperBound) + ReminderPlanner.captureGrace

    public init(rules: ReminderRules) {
        self.rules = rules
    }

    // MARK: - Deadlines

    /// When the engine must wake next, if ever.
    public mutating func deadline() -> Date? {
        wakes.peek()?.deadline
    }

    /// The next card of any meeting.
    public mutating func nextCard() -> ReminderCard? {
        cards.peek().flatMap { nextCards[$0.key] }
    }

    /// Removes and returns every wake due at `now`, earliest first. A due full re-plan stands for
    /// all of them.
    public mutating func due(at now: Date) -> [Wake] {
        let due = wakes.popDue(atOrBefore: now)
        return due.contains(.everything) ? [.everything] : due
    }

    /// Tries `wake` again after ``retryDelay``: a failure must not silently end reminders.
    public mutating func retry(_ wake: Wake, now: Date) {
        wakes.set(wake, now.addingTimeInterval(Self.retryDelay))
    }

    // MARK: - One meeting

    /// The occurrences of `meeting` a plan at `now` looks at, and when the first one left out starts
    /// to remind.
    ///
    /// From those whose capture nudges could still be due up to the first one not yet allowed to
    /// remind (rule 2): every later occurrence waits for that one to end, so nothing of theirs can
    /// be due before the engine wakes for it.
    public func occurrencesToPlan(_ meeting: Meeting, now: Date) -> (planned: [ScheduledOccurrence], nextAllowed: Date?)
    {
        let from = now.addingTimeInterval(-rules.lookBack(for: meeting) - TimeInterval(meeting.longestDurationSeconds))
        let through = now.addingTimeInterval(Self.planningWindow)
        // Most series stop at their second or third occurrence; look further only when needed.
        let policy = rules.policy(for: meeting)
        var all: [ScheduledOccurrence] = []
        for limit in [4, 64] {
            all = meeting.scheduledOccurrences(from: from, through: through, limit: limit).map { occurrence in
                var released = occurrence
                released.notBefore = occurrence.notBefore.map {
                    ReminderSchedule.release(after: $0, start: occurrence.start, zone: rules.userZone, policy: policy)
                }
                return released
            }
            if let cut = all.firstIndex(where: { ($0.notBefore ?? .distantPast) > now }) {
                return (Array(all[...cut]), all.dropFirst(cut + 1).first?.notBefore)
            }
            if all.count < limit { break }
        }
        return (all, nil)
    }

    /// Decides for every occurrence of `meeting` that can remind at `now`, given its ledger by
    /// occurrence (``ScheduledOccurrence/key``), and keeps the meeting's next wake and card.
    ///
    /// The caller records what the decisions say and delivers their cards; if a card cannot be
    /// claimed (its ledger changed underneath), it reads the ledger again and plans again.
    public mutating func plan(_ meeting: Meeting, ledger: [Int64: [Step: LedgerEntry]], now: Date)
        -> [ReminderPlanner.Decision]
    {
        // A card held for a digest is decided again here, from the meeting as it is now.
        for day in held.keys { held[day]?[meeting.id] = nil }
        guard meeting.status == .scheduled else {
            forget(meetingID: meeting.id)
            return []
        }
        let policy = rules.policy(for: meeting)
        let (occurrences, nextAllowed) = occurrencesToPlan(meeting, now: now)
        var decisions: [ReminderPlanner.Decision] = []
        var next: ReminderCard?
        for occurrence in occurrences {
            var decision = ReminderPlanner.decide(
                meetingID: meeting.id, occurrence: occurrence, times: rules.times(of: meeting, at: occurrence),
                ledger: ledger[occurrence.key] ?? [:], now: now, mergeWithin: policy.mergeWithinSeconds,
                order: policy.order)
            if let card = decision.deliver, DigestRule.mayHold(card, policy: policy) {
                hold(card)
                decision.deliver = nil
            }
            decisions.append(decision)
            if let card = decision.next, card.dueAt < next?.dueAt ?? .distantFuture { next = card }
        }
        var wake = [next?.dueAt, nextAllowed].compactMap { $0 }.min()
        // A meeting beyond the planning window wakes the engine when its first occurrence enters it.
        if wake == nil,
            let later = meeting.occurrences(
                from: now.addingTimeInterval(Self.planningWindow), through: .distantFuture, limit: 1
            ).first
        {
            wake = later.addingTimeInterval(-Self.planningWindow)
        }
        nextCards[meeting.id] = next
        cards.set(meeting.id, next?.dueAt)
        wakes.set(.meeting(meeting.id), wake)
        return decisions
    }

    /// Drops a meeting that was deleted, cancelled or can no longer be read as scheduled.
    public mutating func forget(meetingID: Int64) {
        wakes.set(.meeting(meetingID), nil)
        cards.set(meetingID, nil)
        nextCards[meetingID] = nil
        for day in held.keys { held[day]?[meetingID] = nil }
    }

    // MARK: - The daily digest

    /// Holds `card` for its day's digest, which is due with the earliest card held for that day.
    private mutating func hold(_ card: ReminderCard) {
        let day = LocalDateTime(card.dueAt, in: rules.userZone).dayNumber
        held[day, default: [:]][card.meetingID] = card
        let due = held[day, default: [:]].values.map(\.dueAt).min() ?? card.dueAt
        wakes.set(.digest(day), due)
    }

    /// The cards held for `day`'s digest, earliest meeting first; they are no longer held. Two or
    /// more go out as one digest card, one goes out on its own.
    public mutating func takeDigest(day: Int) -> [ReminderCard] {
        let cards = held.removeValue(forKey: day)?.values.sorted {
            ($0.occurrence, $0.meetingID) < ($1.occurrence, $1.meetingID)
        }
        return cards ?? []
    }

    // MARK: - Everything, and the horizon

    /// Which meetings a full re-plan at `now` reads: those that end after the first instant and
    /// start by the second.
    public func fullReplanRange(now: Date) -> (endingAfter: Date, startingBy: Date) {
        (now.addingTimeInterval(-Self.widestLookBack), now.addingTimeInterval(Self.planningWindow))
    }

    /// Forgets every plan, before a full re-plan plans each meeting again; commitments and
    /// relationships are set again too. Call it only once the meetings were read: if they cannot
    /// be, the old plans stay.
    public mutating func clearPlans() {
        wakes = DeadlineQueue()
        cards = DeadlineQueue()
        nextCards = [:]
        held = [:]
    }

    /// Which meetings come into the planning window at `now`: those starting after the first
    /// instant and by the second.
    public func horizonRange(now: Date) -> (after: Date, through: Date) {
        (plannedThrough ?? now, now.addingTimeInterval(Self.planningWindow))
    }

    /// Records that meetings starting by `through` are planned; `firstStartBeyond` is the next
    /// meeting after it, whose approach wakes the engine.
    public mutating func planned(through: Date, firstStartBeyond: Date?) {
        plannedThrough = through
        wakes.set(.horizon, firstStartBeyond.map { $0.addingTimeInterval(-Self.planningWindow) })
    }

    // MARK: - Commitments

    /// Sets (or with nil removes) the wake of commitment `id`.
    public mutating func setCommitment(_ id: Int64, remindAt: Date?) {
        wakes.set(.commitment(id), remindAt)
    }

    // MARK: - Relationships

    /// Sets (or with nil removes) when relationship `id` goes quiet (``QuietRule``).
    public mutating func setQuiet(_ id: Int64, at instant: Date?) {
        wakes.set(.relationship(id), instant)
    }
}
