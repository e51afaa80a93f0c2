import Dispatch
import Foundation
import MentorCalendar
import MentorCore
import MentorProtocol
import MentorStore
import NIOConcurrencyHelpers
import NIOCore

/// Follows the user's calendars: one ``SourceFollower`` per calendar, woken by inotify for files and
/// folders and by a wall-clock timer for URLs and CalDAV collections, never by polling the disk.
///
/// ``run()`` is the service: it loads the calendars (the configuration file's first), syncs each once,
/// then carries out the syncs watchers and timers ask for until the daemon stops. Calls
/// (`calendar add`, `sync`, ...) sync on their own task and wait for the result.
final class CalendarFollower: Sendable {
    /// A calendar and what wakes it. Dispatch sources are safe to cancel from any thread, and the
    /// table of these is only touched under its lock.
    private struct Following: @unchecked Sendable {
        var follower: SourceFollower
        var watcher: DirectoryWatcher?
        var timer: DispatchSourceTimer?
    }

    let context: FollowContext
    private let eventLoopGroup: any EventLoopGroup
    private let following = NIOLockedValueBox<[Int64: Following]>([:])
    /// Made when the first URL or CalDAV calendar needs it: no client, no connections otherwise.
    private let httpClient = NIOLockedValueBox<CalendarHTTP?>(nil)
    /// The ids of calendars whose watcher or timer fired.
    private let triggers: AsyncStream<Int64>
    private let trigger: AsyncStream<Int64>.Continuation
    /// Watchers and poll timers fire here.
    private let queue = DispatchQueue(label: "mentord.calendars")
    /// What changes which calendars are followed (a reconcile, `calendar add`, `remove`, a sync that
    /// starts one) takes turns. A reconcile reads the stored calendars, then acts on the table: an add
    /// stored and started in between was stopped as gone (watched by nothing from then on), or
    /// followed a second time with a sync racing the add's own (which then found its events unchanged).
    private let membership = OneAtATime()
    /// The configured calendars of reloads, waiting for ``run(configured:)`` to apply them one at a
    /// time. Newest only: a reload that comes while another's list still waits replaces it, since
    /// the newest file is the one that must win.
    private let reloads: AsyncStream<[ConfiguredCalendar]>
    private let reloaded: AsyncStream<[ConfiguredCalendar]>.Continuation

    init(context: FollowContext, eventLoopGroup: any EventLoopGroup) {
        self.context = context
        self.eventLoopGroup = eventLoopGroup
        (triggers, trigger) = AsyncStream.makeStream(of: Int64.self)
        (reloads, reloaded) = AsyncStream.makeStream(
            of: [ConfiguredCalendar].self, bufferingPolicy: .bufferingNewest(1))
    }

    // MARK: - The service

    /// Follows every calendar until the task is cancelled, then stops the watchers and timers and
    /// closes the HTTP client.
    func run(configured: [ConfiguredCalendar]) async {
        // Starts and syncs every calendar not followed yet, the configuration's first. One that a
        // `calendar add` made meanwhile is followed and synced by that call alone: following it again
        // here would race its first sync, which would then report its events as unchanged.
        await reconcile(configured)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in await applyReloads() }
            await withTaskCancellationHandler {
                for await id in triggers {
                    guard let entry = following.withLockedValue({ $0[id] }) else { continue }
                    group.addTask { [self] in
                        await entry.follower.syncTriggered()
                        await rearm(id, entry.follower)
                    }
                }
            } onCancel: { [trigger, reloaded] in
                trigger.finish()
                reloaded.finish()
            }
        }
        for entry in following.withLockedValue({ $0.values }) { Self.stop(entry) }
        await httpClient.withLockedValue { $0 }?.shutdown()
    }

    /// Has ``run(configured:)`` make the configuration file's calendars those `configured` names, after
    /// the reconcile in progress if any, and returns at once: a reload must not wait on the network
    /// (probing a CalDAV server can take up to `http_timeout`) to apply its other settings and tell
    /// systemd it is done.
    func reconcileLater(_ configured: [ConfiguredCalendar]) {
        reloaded.yield(configured)
    }

    /// Applies the reloads' calendar lists in order, one at a time, until the service stops.
    private func applyReloads() async {
        for await configured in reloads {
            // A failure has logged its own lines.
            guard await reconcile(configured) else { continue }
            context.logger.info("Applied the reloaded configuration's calendars (\(configured.count) configured)")
        }
    }

    /// Makes the configuration file's calendars those `configured` names (at start and on reload).
    /// Returns false when the store refused them; the reasons are logged.
    @discardableResult
    func reconcile(_ configured: [ConfiguredCalendar]) async -> Bool {
        // Checked outside the turn: a URL's kind is asked of its server.
        var calendars: [FollowedCalendar] = []
        for entry in configured {
            do {
                calendars.append(try await definition(of: entry))
            } catch {
                guard !isCancellation(error) else { return false }
                context.logger.error(
                    "Failed to follow the configured calendar '\(entry.name ?? entry.location)': \(SourceFollower.describe(error)), ignoring"
                )
            }
        }
        return await membership.run { await follow(calendars) }
    }

    /// Stores the configuration's calendars `calendars` and follows every stored one as it is now;
    /// false when the store refused them (the calendars already stored are still followed).
    private func follow(_ calendars: [FollowedCalendar]) async -> Bool {
        var applied = true
        do {
            try await context.sources.reconcile(configured: calendars, now: context.clock.now())
        } catch {
            guard !isCancellation(error) else { return false }
            // The calendars already stored are still followed.
            context.logger.error("Failed to apply the configured calendars: \(SourceFollower.describe(error))")
            applied = false
        }
        // Calendars that changed or went are followed afresh.
        let current: [FollowedCalendar]
        do {
            current = try await context.sources.list()
        } catch {
            if !isCancellation(error) {
                context.logger.error("Failed to read the followed calendars: \(SourceFollower.describe(error))")
            }
            return false
        }
        let byID = Dictionary(current.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, entry) in following.withLockedValue({ $0 }) {
            guard let now = byID[id], now.sameDefinition(as: entry.follower.calendar) else {
                stopFollowing(id)
                if let now = byID[id] {
                    start(now)
                    trigger.yield(id)
                }
                continue
            }
        }
        for calendar in current where following.withLockedValue({ $0[calendar.id] == nil }) {
            start(calendar)
            trigger.yield(calendar.id)
        }
        return applied
    }

    // MARK: - Calls

    /// `AddCalendarSource`: checks, stores, follows and syncs a calendar.
    func add(_ parameters: AddCalendarSource.Parameters) async throws -> AddCalendarSource.Reply {
        let wanted = try await definition(
            of: ConfiguredCalendar(
                name: parameters.name, location: parameters.location, partner: parameters.partner,
                role: parameters.role?.domain, match: parameters.match ?? [],
                interval: try parameters.interval.map(Self.interval), username: parameters.username,
                passwordFile: parameters.passwordFile, passwordCommand: parameters.passwordCommand))
        let (calendar, follower) = try await membership.run {
            let calendar = try await context.sources.add(wanted, now: context.clock.now())
            return (calendar, start(calendar))
        }
        // Outside the turn: a first CalDAV sync may take a while, and the calendar is followed now.
        let sync = await follower.sync()
        await rearm(calendar.id, follower)
        return AddCalendarSource.Reply(source: try await wire(named: calendar.name), sync: sync)
    }

    /// `ListCalendarSources`.
    func list() async throws -> [Wire.CalendarSource] {
        var result: [Wire.CalendarSource] = []
        for calendar in try await context.sources.list() { result.append(await wire(calendar)) }
        return result
    }

    /// `GetCalendarSource`.
    func show(_ name: String) async throws -> GetCalendarSource.Reply {
        let calendar = try await context.sources.calendar(named: name)
        let skipped = await followerOf(calendar.id)?.skipped ?? []
        return GetCalendarSource.Reply(
            source: await wire(calendar),
            unmatched: skipped.map { Wire.SkippedEvent($0, userZone: context.userZone) })
    }

    /// `SyncCalendarSources`: one calendar, or all of them one after another.
    func sync(_ name: String?) async throws -> [Wire.CalendarSync] {
        let followers = try await membership.run {
            let calendars =
                if let name {
                    [try await context.sources.calendar(named: name)]
                } else {
                    try await context.sources.list()
                }
            return calendars.map { calendar in
                (calendar.id, following.withLockedValue { $0[calendar.id]?.follower } ?? start(calendar))
            }
        }
        var results: [Wire.CalendarSync] = []
        for (id, follower) in followers {
            results.append(await follower.sync())
            await rearm(id, follower)
        }
        return results
    }

    /// `RemoveCalendarSource`.
    func remove(_ name: String) async throws -> RemoveCalendarSource.Reply {
        try await membership.run {
            let calendar = try await context.sources.calendar(named: name)
            if calendar.fromConfig { throw StoreError.calendarInConfiguration(name: calendar.name) }
            stopFollowing(calendar.id)
            let removal = try await context.sources.remove(named: calendar.name, now: context.clock.now())
            return RemoveCalendarSource.Reply(deleted: removal.deleted, kept: removal.kept)
        }
    }

    // MARK: - Following

    /// Starts following `calendar`: its watcher, for files and folders; polls are armed after each sync.
    @discardableResult
    private func start(_ calendar: FollowedCalendar) -> SourceFollower {
        let follower = SourceFollower(calendar: calendar, fetcher: fetcher(for: calendar), context: context)
        var entry = Following(follower: follower)
        if calendar.kind == .file || calendar.kind == .vdir {
            let folder =
                calendar.kind == .vdir ? calendar.location : (calendar.location as NSString).deletingLastPathComponent
            let names: Set<String>? = calendar.kind == .vdir ? nil : [(calendar.location as NSString).lastPathComponent]
            do {
                entry.watcher = try DirectoryWatcher(folder: folder, names: names, queue: queue) { [trigger] in
                    trigger.yield(calendar.id)
                }
            } catch {
                let reason = SourceFollower.describe(error)
                context.logger.error(
                    "Failed to watch calendar '\(calendar.name)': \(reason); 'mentorctl calendar sync' reads it")
            }
        }
        let replaced = following.withLockedValue { table in
            defer { table[calendar.id] = entry }
            return table[calendar.id]
        }
        if let replaced { Self.stop(replaced) }
        return follower
    }

    private func stopFollowing(_ id: Int64) {
        if let entry = following.withLockedValue({ $0.removeValue(forKey: id) }) { Self.stop(entry) }
    }

    private static func stop(_ entry: Following) {
        entry.watcher?.cancel()
        entry.timer?.cancel()
    }

    /// Arms the next poll of a URL or CalDAV calendar, on the wall clock, after a sync.
    private func rearm(_ id: Int64, _ follower: SourceFollower) async {
        guard let delay = await follower.pollDelaySeconds else { return }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(wallDeadline: .now() + .seconds(delay))
        timer.setEventHandler { [trigger] in trigger.yield(id) }
        // Only for the calendar still followed by this follower; nil: removed or replaced meanwhile.
        let previous = following.withLockedValue { table -> DispatchSourceTimer?? in
            guard table[id]?.follower === follower else { return nil }
            defer { table[id]?.timer = timer }
            return .some(table[id]?.timer)
        }
        // A source must be activated before it goes, even one never needed.
        timer.activate()
        guard let previous else { return timer.cancel() }
        previous?.cancel()
    }

    private func fetcher(for calendar: FollowedCalendar) -> any CalendarFetcher {
        let settings = FollowSettings.decode(calendar.settings)
        switch calendar.kind {
        case .file: return PathFetcher(path: calendar.location, isFolder: false, limits: context.limits)
        case .vdir: return PathFetcher(path: calendar.location, isFolder: true, limits: context.limits)
        case .url: return FeedFetcher(url: calendar.location, http: http(), settings: settings)
        case .caldav:
            return CalDAVFetcher(url: calendar.location, http: http(), settings: settings, clock: context.clock)
        }
    }

    /// The follower of the calendar with this id, while it is followed.
    func followerOf(_ id: Int64) -> SourceFollower? {
        following.withLockedValue { $0[id]?.follower }
    }

    /// The HTTP client, made on first use.
    func http() -> CalendarHTTP {
        httpClient.withLockedValue { client in
            if let client { return client }
            let made = CalendarHTTP.make(
                on: eventLoopGroup, timeoutSeconds: context.settings.withLockedValue { $0.httpTimeoutSeconds })
            client = made
            return made
        }
    }
}
