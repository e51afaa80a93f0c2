import Foundation
import Logging
import MentorCore
import MentorProtocol
import MentorStore
import ServiceLifecycle
import Synchronization

/// The reminder engine: one loop that takes events one at a time (the timer fired, a write was
/// committed, the clock was set, the configuration reloaded, a button pressed, a handler's request)
/// and carries out what ``ReminderScheduler`` decides: read what it needs, record the ledger,
/// deliver cards, arm the one timer.
///
/// Everything that changes reminders goes through this loop, in order, so no two changes plan from
/// the same stale snapshot. Handlers never have to tell it about their writes: the database
/// reports each commit (``MentorDatabase/onChange(_:)``).
actor ReminderService: Service {
    let stores: MentoringStores
    let channels: ReminderChannels
    let clock: any WallClock
    let logger: Logger
    let faults: FaultInjection
    private let makeTimer: ReminderTimerFactory
    /// The service manager's watchdog, fed after each event; nil when there is none.
    private var watchdog: EngineWatchdog?
    /// Called with the next card whenever it changes, for the service manager's status and the
    /// shell prompt's status file.
    private let onNext: @Sendable (NextCard?) -> Void

    /// Above this many changes in one commit, everything is planned again from one read instead.
    static let changesPlannedOneByOne = 100

    private let events: AsyncStream<EngineEvent>
    /// Where every event comes in; yielding never waits.
    nonisolated let input: AsyncStream<EngineEvent>.Continuation
    /// The rules as last applied, for handlers that answer without a turn of the loop.
    private nonisolated let currentRules: Mutex<ReminderRules>

    var scheduler: ReminderScheduler
    private var timer: (any ReminderTimer)?
    /// The next card as last announced (`onNext`), and which card it was; nil before the first
    /// announcement.
    private var announced: (card: ReminderCard?, next: NextCard?)? = nil

    init(
        stores: MentoringStores, rules: ReminderRules, clock: any WallClock, channels: ReminderChannels,
        logger: Logger, timer: @escaping ReminderTimerFactory, faults: FaultInjection = FaultInjection(),
        watchdog: EngineWatchdog? = nil, onNext: @escaping @Sendable (NextCard?) -> Void
    ) {
        self.stores = stores
        self.channels = channels
        self.clock = clock
        self.logger = logger
        self.faults = faults
        self.makeTimer = timer
        self.watchdog = watchdog
        self.onNext = onNext
        scheduler = ReminderScheduler(rules: rules)
        currentRules = Mutex(rules)
        (events, input) = AsyncStream.makeStream()
    }

    /// The rules in force: the policy and the user's zone.
    nonisolated var rules: ReminderRules { currentRules.withLock { $0 } }

    /// Delivers what a crash left claimed, plans every meeting, arms the timer, then takes events
    /// until cancelled. After downtime, the first plan is where missed reminders become one late
    /// card per occurrence, or are recorded as missed.
    func run() async throws {
        timer = makeTimer { [input] in input.yield(.timerFired) }
        channels.setActionHandler { [input] action in input.yield(.action(action)) }
        await deliverUnfinished()
        await planEverything()
        for await event in events {
            await handle(event)
        }
        timer?.arm(at: nil)
    }

    private func handle(_ event: EngineEvent) async {
        switch event {
        case .timerFired:
            await wake()
        case .changed(let changes) where changes.count > Self.changesPlannedOneByOne:
            // A commit that touched many meetings (a calendar import): one read of what is near beats
            // two reads per meeting (9,500 imported meetings: 7.5 s one by one).
            await planEverything()
        case .changed(let changes):
            for change in changes { await apply(change) }
        case .clockStepped:
            logger.notice("The system clock was set; re-planning reminders")
            // The manager times the watchdog on its monotonic clock: a deadline announced on the old
            // wall clock is no longer where it was, so the next feed pings whatever it computes.
            watchdog?.forget()
            await planEverything()
        case .rules(let rules):
            scheduler.rules = rules
            currentRules.withLock { $0 = rules }
            await planEverything()
        case .action(let action):
            await perform(action)
        case .turn(let body):
            await body(self)
        }
        rearm()
        await announceNextCard(after: event)
    }

    /// Everything whose deadline has passed, until nothing is due: handling one wake can make
    /// another due at once (a card held for the digest of this very minute), and it goes out in
    /// this turn rather than after a round trip through the timer. The bound only guards against
    /// a rule that keeps re-arming at now; the timer then takes over.
    private func wake() async {
        for _ in 0..<100 {
            let now = clock.now()
            let due = scheduler.due(at: now)
            if due.isEmpty { return }
            for wake in due {
                switch wake {
                case .meeting(let id): await planMeeting(id, now: now)
                case .commitment(let id): await remindCommitment(id, now: now)
                case .digest(let day): await deliverDigest(day: day, now: now)
                case .relationship(let id): await remindQuiet(id, now: now)
                case .horizon: await planHorizon(now: now)
                case .everything: await planEverything()
                }
            }
        }
    }

    private func apply(_ change: StoreChange) async {
        let now = clock.now()
        switch change {
        case .meeting(let id):
            // A meeting or capture is contact: its relationship's quiet check moves.
            if let meeting = await planMeeting(id, now: now) {
                await planQuiet(meeting.relationship.id, now: now)
            } else {
                await planAllQuiet(now: now)
            }
        case .relationship(let id):
            await planQuiet(id, now: now)
            do {
                let query = MeetingQuery(includePast: true, includeCancelled: true, relationshipID: id, limit: .max)
                for meeting in try await stores.meetings.meetings(query, now: now) {
                    await planMeeting(meeting.id, now: now)
                }
            } catch {
                retry(
                    .everything, after: error, "Failed to read the meetings of relationship \(id) for planning",
                    now: now)
            }
        case .actionItem(let id):
            await planCommitment(id, now: now)
        }
    }

    /// Has the next turn ping the watchdog (``feedWatchdog()``).
    func forgetWatchdogPing() {
        watchdog?.forget()
    }

    /// Arms the timer for the next deadline, and feeds the watchdog: this turn of the loop is the
    /// sign of life.
    private func rearm() {
        var deadline = scheduler.deadline()
        if watchdog != nil { deadline = watchdog?.fed(deadline: deadline, now: clock.now()) }
        timer?.arm(at: deadline)
    }

    /// Tells the status line and the status file when the next card changed: another card, or
    /// the same one whose meeting or partner was edited (its headline may read differently).
    /// Nothing else reads the store here, so an idle daemon pays nothing for it.
    private func announceNextCard(after event: EngineEvent) async {
        let card = scheduler.nextCard()
        var edited = false
        if case .changed(let changes) = event, let card {
            edited = changes.contains { change in
                switch change {
                case .meeting(let id): id == card.meetingID
                case .relationship: true
                case .actionItem: false
                }
            }
        }
        if let announced, announced.card == card, !edited { return }
        var next: NextCard?
        if let card {
            let meeting = try? await stores.meetings.meeting(id: card.meetingID)
            next = NextCard(dueAt: card.dueAt, steps: card.steps, meeting: meeting)
        }
        let changed = announced.map { $0.next != next } ?? true
        announced = (card, next)
        if changed { onNext(next) }
    }

    // MARK: - Planning

    /// Reads one meeting and plans it; a meeting gone is forgotten, one that cannot be read is tried
    /// again in a minute (a locked or full database must not silently end its reminders). Returns
    /// the meeting when it was read.
    @discardableResult
    func planMeeting(_ id: Int64, now: Date) async -> Meeting? {
        var read: Meeting?
        do {
            read = try await stores.meetings.meeting(id: id)
            try await plan(read!, now: now)
            return read
        } catch StoreError.noSuchMeeting {
            scheduler.forget(meetingID: id)
            return nil
        } catch {
            // A meeting deleted while it was planned fails its ledger writes; that is no error.
            if await isGone(meetingID: id) {
                scheduler.forget(meetingID: id)
                return nil
            }
            retry(
                .meeting(id), after: error, "Failed to plan reminders of meeting \(id)", now: now,
                metadata: ["mentord.meeting.id": "\(id)"])
            return read
        }
    }

    private func isGone(meetingID id: Int64) async -> Bool {
        do {
            _ = try await stores.meetings.meeting(id: id)
            return false
        } catch StoreError.noSuchMeeting {
            return true
        } catch {
            return false
        }
    }

    /// Plans `meeting` from its ledger (read now unless `preloaded`) and carries the decisions out.
    /// A card whose claim is refused (its ledger or the meeting changed underneath) is planned again
    /// from a fresh read of both, so the steps left are always armed.
    private func plan(_ meeting: Meeting, now: Date, preloaded: OccurrenceLedger? = nil) async throws {
        var meeting = meeting
        var ledger = preloaded
        for attempt in 0..<3 {
            if attempt > 0 { meeting = try await stores.meetings.meeting(id: meeting.id) }
            let entries: OccurrenceLedger
            if let ledger { entries = ledger } else { entries = try await readLedger(of: meeting, now: now) }
            var claimed = true
            for decision in scheduler.plan(meeting, ledger: entries, now: now) {
                claimed = try await carryOut(decision, of: meeting, now: now) && claimed
            }
            if claimed { return }
            ledger = nil
        }
        throw StoreError.databaseFailure(reason: "the ledger of meeting \(meeting.id) keeps changing underneath")
    }

    private func readLedger(of meeting: Meeting, now: Date) async throws -> OccurrenceLedger {
        let lookBack = scheduler.rules.lookBack(for: meeting) + TimeInterval(meeting.longestDurationSeconds)
        return try await stores.ledger.entries(
            meetingID: meeting.id, from: now.addingTimeInterval(-lookBack),
            through: now.addingTimeInterval(ReminderScheduler.planningWindow))
    }

    /// Plans every meeting that can remind within the planning window, from one read of the ledger,
    /// and the commitments. If the meetings cannot be read, the old plans stay and all is tried
    /// again in a minute.
    func planEverything() async {
        let now = clock.now()
        let range = scheduler.fullReplanRange(now: now)
        let meetings: [Meeting]
        let commitments: [ActionItem]
        let beyond: Date?
        do {
            meetings = try await stores.meetings.plannable(
                endingAfter: range.endingAfter, startingBy: range.startingBy)
            commitments = try await stores.actions.awaitingReminder()
            beyond = try await stores.meetings.firstStart(after: range.startingBy)
        } catch {
            retry(.everything, after: error, "Failed to load meetings for planning (the current plans stay)", now: now)
            return
        }
        // One read for every occurrence that can still remind; without it each meeting reads its own.
        let preloaded = try? await stores.ledger.entries(from: range.endingAfter.addingTimeInterval(-86_400))
        scheduler.clearPlans()
        for meeting in meetings {
            do {
                try await plan(meeting, now: now, preloaded: preloaded.map { $0[meeting.id] ?? [:] })
            } catch {
                await planMeeting(meeting.id, now: now)
            }
        }
        scheduler.planned(through: range.startingBy, firstStartBeyond: beyond)
        for item in commitments {
            scheduler.setCommitment(
                item.id, remindAt: scheduler.rules.reminderTime(ofCommitmentDueOn: item.dueOn) ?? now)
        }
        await planAllQuiet(now: now)
    }

    /// Plans the meetings that came into the planning window since it last moved on.
    private func planHorizon(now: Date) async {
        let range = scheduler.horizonRange(now: now)
        do {
            for meeting in try await stores.meetings.starting(after: range.after, through: range.through) {
                await planMeeting(meeting.id, now: now)
            }
            scheduler.planned(
                through: range.through, firstStartBeyond: try await stores.meetings.firstStart(after: range.through))
        } catch {
            retry(.horizon, after: error, "Failed to load the meetings coming near", now: now)
        }
    }

    // MARK: - Commitments

    /// Sets the due-date reminder of one action item: the user's own open commitments (owner me or
    /// both) with a due date remind once, at the prep hour of that day.
    private func planCommitment(_ id: Int64, now: Date) async {
        do {
            guard try await stores.actions.awaitsReminder(id: id) else {
                scheduler.setCommitment(id, remindAt: nil)
                return
            }
            let item = try await stores.actions.item(id: id)
            scheduler.setCommitment(id, remindAt: scheduler.rules.reminderTime(ofCommitmentDueOn: item.dueOn) ?? now)
        } catch {
            retry(.commitment(id), after: error, "Failed to plan the reminder of action item \(id)", now: now)
        }
    }

    /// Sends one commitment's due-date card, then records it, so a crash in between repeats it
    /// rather than losing it.
    private func remindCommitment(_ id: Int64, now: Date) async {
        do {
            guard try await stores.actions.awaitsReminder(id: id) else { return }
            let item = try await stores.actions.item(id: id)
            let relationship = try await stores.relationships.relationship(id: item.relationshipID)
            let due = scheduler.rules.reminderTime(ofCommitmentDueOn: item.dueOn) ?? now
            await channels.publish(
                .commitment(item, with: relationship, due: due, zone: scheduler.rules.userZone, now: now))
            try await stores.actions.markReminded(id: id, now: now)
        } catch {
            retry(.commitment(id), after: error, "Failed to remind action item \(id)", now: now)
        }
    }
}
