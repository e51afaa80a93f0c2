import Foundation
import MentorCalendar
import MentorCore
import MentorProtocol
import MentorStore

/// One followed calendar at work: fetches it, reads what changed, plans the whole calendar again and
/// lets the store apply it in one transaction, for the reminder engine to hear of. One sync at a time.
///
/// What was read stays in memory by item (a vdir file, a CalDAV resource), so a sync reads only the
/// items whose version changed, and the events no rule matched are listed without ever being stored.
actor SourceFollower {
    /// An item as last read.
    private struct Item {
        var version: String
        var file: CalendarFile
    }

    let calendar: FollowedCalendar
    private let fetcher: any CalendarFetcher
    private let context: FollowContext
    private let rules: [MatchRule]
    private var items: [String: Item] = [:]
    private var state = ""
    /// The events the last sync left out, with why.
    private(set) var skipped: [ImportSkip] = []
    /// When a polled calendar is fetched next; nil for watched ones.
    private(set) var nextSync: Date?
    private var schedule: PollSchedule?
    private var lastLoggedError = ""
    /// One sync at a time; a triggered one waiting is not queued twice.
    private let turns = OneAtATime()
    private var triggerQueued = false

    init(calendar: FollowedCalendar, fetcher: any CalendarFetcher, context: FollowContext) {
        self.calendar = calendar
        self.fetcher = fetcher
        self.context = context
        rules = calendar.rules.compactMap { try? MatchRule.parse($0) }
        if calendar.kind == .url || calendar.kind == .caldav {
            schedule = PollSchedule(
                intervalSeconds: FollowSettings.decode(calendar.settings).interval ?? FollowSettings.defaultInterval)
        }
    }

    /// Syncs now, after any sync under way, and says how it went.
    func sync() async -> Wire.CalendarSync {
        await turns.enter()
        let result = await performSync()
        await turns.leave()
        return result
    }

    /// A sync a watcher or the poll timer asked for: one waits at most, however many are asked.
    func syncTriggered() async {
        guard !triggerQueued else { return }
        triggerQueued = true
        await turns.enter()
        triggerQueued = false
        _ = await performSync()
        await turns.leave()
    }

    /// Seconds to the next poll, after a sync; nil for watched calendars.
    var pollDelaySeconds: Int? { schedule?.delaySeconds }

    private func performSync() async -> Wire.CalendarSync {
        let now = context.clock.now()
        do {
            let result = try await fetchAndApply(now: now)
            schedule?.failures = 0
            nextSync = schedule.map { now.addingTimeInterval(TimeInterval($0.delaySeconds)) }
            return result
        } catch {
            // Not a failure of the calendar: a stop or its removal cancelled the sync.
            guard !isCancellation(error) else {
                return Wire.CalendarSync(name: calendar.name, ok: false, error: "cancelled")
            }
            schedule?.failures += 1
            nextSync = schedule.map { now.addingTimeInterval(TimeInterval($0.delaySeconds)) }
            let reason = Self.describe(error)
            try? await context.sources.recordFailure(id: calendar.id, error: reason, now: now)
            // Once per cause: a calendar that stays unreachable does not fill the journal.
            if reason != lastLoggedError {
                context.logger.error(
                    "Failed to sync calendar '\(calendar.name)': \(reason); nothing changed",
                    metadata: ["mentord.calendar": "\(calendar.name)"])
                lastLoggedError = reason
            }
            return Wire.CalendarSync(name: calendar.name, ok: false, error: reason)
        }
    }

    private func fetchAndApply(now: Date) async throws -> Wire.CalendarSync {
        let listing = try await fetcher.fetch(known: items.mapValues(\.version), state: state)
        let (zone, limits, bodies) = (context.userZone, context.limits, listing.bodies)
        let parsed = try await offTheLoop {
            bodies.mapValues { bytes in
                Result { () throws(CalendarError) in try CalendarFile.read(bytes, floatingZone: zone, limits: limits) }
            }
        }
        var problems = listing.unreadable
        var next: [String: Item] = [:]
        for (href, version) in listing.versions {
            switch parsed[href] {
            case .success(let file)?:
                next[href] = Item(version: version, file: file)
            case .failure(let error)?:
                problems[href] = error.description
                next[href] = items[href]
            case nil:
                next[href] = items[href]
            }
        }
        items = next
        state = listing.state
        let options = ImportOptions(
            partner: calendar.partner.flatMap { name in calendar.role.map { (name, $0) } }, rules: rules,
            relationships: try await context.relationships.list(),
            ownAddresses: context.settings.withLockedValue { $0.addresses }, userZone: zone, now: now)
        let files = items.values.map(\.file)
        let plan = try await offTheLoop { ImportPlan.merging(files.map { ImportPlan.make($0, options: options) }) }
        // Refused events are still in the calendar: they must not count as deleted.
        var present = Set(plan.entries.map(\.event.uid))
        for file in files { present.formUnion(file.refused.compactMap(\.uid)) }
        let result = try await context.imports.apply(
            plan.entries.map(\.event), dryRun: false, now: now, limit: context.maximumMeetings.withLockedValue { $0 },
            carry: context.engine.rules.carrying(now: now), source: calendar.id,
            present: problems.isEmpty ? present : nil,
            calendarIsEmpty: files.allSatisfy { $0.series.isEmpty && $0.refused.isEmpty })
        var sync = Wire.CalendarSync(name: calendar.name, ok: problems.isEmpty)
        var left = plan.skipped
        for (entry, outcome) in zip(plan.entries, result.outcomes) {
            switch outcome {
            case .added: sync.added += 1
            case .updated: sync.updated += 1
            case .unchanged: sync.unchanged += 1
            case .heldElsewhere(_, let other):
                left.append(Self.skip(entry.event, .inAnotherCalendar(other)))
            case .cancelledBeforeImport:
                left.append(Self.skip(entry.event, entry.cancellation ?? .cancelled))
            }
        }
        skipped = left
        sync.removed = result.removed
        sync.awaitingRemoval = result.awaitingRemoval
        sync.emptyIgnored = result.emptyIgnored
        sync.matched = sync.added + sync.updated + sync.unchanged
        sync.ignored = left.count
        sync.bytes = listing.bytes
        let problem = Self.describe(problems)
        sync.error = problem.isEmpty ? nil : problem
        try await context.sources.recordSuccess(
            id: calendar.id, syncState: state, matched: sync.matched, ignored: sync.ignored, problem: problem, now: now)
        if !problem.isEmpty && problem != lastLoggedError {
            context.logger.warning(
                "Calendar '\(calendar.name)': \(problem); nothing of it is removed until it reads again",
                metadata: ["mentord.calendar": "\(calendar.name)"])
        }
        lastLoggedError = problem
        return sync
    }

    private static func skip(_ event: ImportedEvent, _ reason: ImportSkip.Reason) -> ImportSkip {
        ImportSkip(uid: event.uid, title: event.title, start: event.start, zone: event.timeZone, reason: reason)
    }

    /// The items that could not be read, in one line.
    private static func describe(_ problems: [String: String]) -> String {
        guard let first = problems.min(by: { $0.key < $1.key }) else { return "" }
        let name = first.key.isEmpty ? "the calendar" : first.key
        let more = problems.count > 1 ? " (and \(problems.count - 1) more unreadable)" : ""
        return "\(name) is unreadable: \(first.value)\(more)"
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as MentordError: error.message
        case let error as CalendarFetchError: error.description
        case let error as StoreError: error.description
        default: "\(error)"
        }
    }
}
