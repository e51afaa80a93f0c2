import Foundation
import Logging
import MentorCore
import MentorProtocol
import MentorStore
import NIOConcurrencyHelpers
import NIOPosix
import ServiceLifecycle
import SystemdKit
import UnixSignals

/// The daemon as one service: opens the store, listens on the control socket, tells the service
/// manager it is ready, rereads its configuration on SIGHUP, and on graceful shutdown lets
/// in-flight calls finish, closes the database and removes the socket it created.
public struct MentorDaemon: Service {
    private let paths: DaemonPaths
    private let configuration: DaemonConfiguration
    /// How a reload reads the file (tests replace it).
    private let loadConfiguration: @Sendable (String) async throws -> DaemonConfiguration
    private let clock: any WallClock
    /// The reminder timer; tests give one they fire by hand, with `clock`.
    private let makeTimer: ReminderTimerFactory?
    /// Called with the reminder engine once it exists: tests report clock steps to it.
    private let onEngine: (@Sendable (ReminderService) -> Void)?
    /// The user's zone: the process's, unless a test says otherwise.
    private let userZone: TimeZone
    private let logger: Logger
    private let notifier = ServiceNotifier()

    public init(
        paths: DaemonPaths, configuration: DaemonConfiguration, clock: any WallClock = SystemWallClock(),
        loadConfiguration: @escaping @Sendable (String) async throws -> DaemonConfiguration = {
            try DaemonConfiguration.load(path: $0)
        },
        logger: Logger
    ) {
        self.init(
            paths: paths, configuration: configuration, clock: clock, timer: nil, onEngine: nil,
            userZone: .current, loadConfiguration: loadConfiguration, logger: logger)
    }

    init(
        paths: DaemonPaths, configuration: DaemonConfiguration, clock: any WallClock, timer: ReminderTimerFactory?,
        onEngine: (@Sendable (ReminderService) -> Void)?, userZone: TimeZone,
        loadConfiguration: @escaping @Sendable (String) async throws -> DaemonConfiguration = {
            try DaemonConfiguration.load(path: $0)
        },
        logger: Logger
    ) {
        self.paths = paths
        self.configuration = configuration
        self.loadConfiguration = loadConfiguration
        self.clock = clock
        self.makeTimer = timer
        self.onEngine = onEngine
        self.userZone = userZone
        self.logger = logger
    }

    public func run() async throws {
        let startedAt = clock.now()
        var paths = self.paths
        let activated = try SocketActivation.listeningUnixSockets().first
        // Under socket activation the manager chose the path; report that one.
        if let activated, let bound = SocketFile.boundPath(of: activated) { paths.socket = bound }
        // Open the database first: a refused database must fail start-up, not the first call.
        let database = try MentorDatabase(path: paths.database) { [logger] damage in logger.critical("\(damage)") }
        let stores = MentoringStores(database: database)
        let zone = userZone
        // The last status line, so READY after start-up and reloads repeats it instead of
        // replacing "next reminder at ..." with a generic one.
        let statusLine = NIOLockedValueBox("Serving \(paths.socket)")
        let channels = ReminderChannels(
            settings: configuration.channels, broadcaster: ReminderBroadcaster(), logger: logger)
        // Timer and clock-step events share one serial queue; the engine's loop orders the rest.
        let timerQueue = DispatchQueue(label: "mentord.reminders")
        // Beside the socket, whose directory is checked to be ours before binding (see below).
        let nextCardFile = NextCardFile(socket: paths.socket)
        let engine = ReminderService(
            stores: stores, rules: ReminderRules(policy: configuration.reminders, userZone: zone), clock: clock,
            channels: channels, logger: logger,
            timer: makeTimer ?? { fired in WallClockTimer(queue: timerQueue, handler: fired) },
            faults: .from(environment: ProcessInfo.processInfo.environment),
            watchdog: notifier.watchdogTimeout().map { [notifier] timeout in
                EngineWatchdog(grace: timeout / .seconds(1)) { notifier.watchdog(nextWithin: $0) }
            }
        ) { [notifier, statusLine, paths, nextCardFile, logger] next in
            let line =
                "Serving \(paths.socket); "
                + (next.map { "next reminder at \(RFC3339.utc($0.dueAt))" } ?? "no reminder due")
            statusLine.withLockedValue { $0 = line }
            notifier.status(line)
            if !nextCardFile.write(next) {
                logger.warning("Failed to write \(nextCardFile.path): \(String(cString: strerror(errno)))")
            }
        }
        onEngine?(engine)
        // Every committed write reaches the engine from here: no handler has to tell it.
        let statusCounts = StatusCounts()
        database.onChange { [engine] changes in
            statusCounts.invalidate()
            engine.changed(changes)
        }
        var table = MethodTable()
        let maximumMeetings = NIOLockedValueBox(configuration.limits.maxMeetings)
        MeetingMethods(
            store: stores.meetings, relationships: stores.relationships,
            calendars: CalendarSourceStore(database: database), clock: clock, engine: engine, defaultTimeZone: zone,
            maximumMeetings: maximumMeetings
        ).register(in: &table)
        ReminderMethods(engine: engine, channels: channels, stores: stores, clock: clock).register(in: &table)
        RelationshipMethods(stores: stores, clock: clock, userZone: zone).register(in: &table)
        PrepMethods(stores: stores, engine: engine, clock: clock, maximumMeetings: maximumMeetings)
            .register(in: &table)
        let calendarSettings = NIOLockedValueBox(configuration.calendar)
        // NIO's singleton loops serve calls and the HTTP of followed calendars; in the installed
        // daemon they also run every task (EventLoopGlobalExecutor), so no thread waits for another
        // group's work. The singleton is never shut down.
        let eventLoopGroup = MultiThreadedEventLoopGroup.singleton
        let calendarSources = CalendarSourceStore(database: database)
        let follower = CalendarFollower(
            context: FollowContext(
                sources: calendarSources, imports: CalendarImportStore(database: database),
                relationships: stores.relationships, clock: clock, engine: engine, userZone: zone,
                settings: calendarSettings, maximumMeetings: maximumMeetings, logger: logger),
            eventLoopGroup: eventLoopGroup)
        CalendarSourceMethods(follower: follower).register(in: &table)
        CalendarMethods(
            stores: stores, imports: CalendarImportStore(database: database), clock: clock, engine: engine,
            userZone: zone, settings: calendarSettings, maximumMeetings: maximumMeetings
        ).register(in: &table)
        ServiceMethods(
            database: database, store: stores.meetings, clock: clock, startedAt: startedAt, paths: paths,
            defaultTimeZone: zone, counts: statusCounts
        ).register(in: &table)
        StorageMethods(database: database).register(in: &table)
        // The status counts expire at a wall-clock instant too: a step moves it.
        let clockMonitor = ClockChangeMonitor(queue: timerQueue) { [engine] in
            statusCounts.invalidate()
            engine.clockStepped()
        }
        defer { withExtendedLifetime(clockMonitor) {} }

        let address: ListenAddress
        if let descriptor = activated {
            address = .inherited(descriptor: descriptor)
        } else {
            try SocketFile.prepare(paths.socket)
            address = .path(paths.socket)
        }
        let server = ControlServer(
            table: table, limits: configuration.limits, eventLoopGroup: eventLoopGroup, logger: logger)
        // Set once listening: the bound socket's identity, so shutdown removes only our own file.
        let socketIdentity = NIOLockedValueBox<(device: UInt64, inode: UInt64)?>(nil)
        let listening = NIOLockedValueBox(false)
        // Trap SIGHUP before READY: its default action would kill the daemon.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        // The engine starts once the socket listens, so that a client whose connection started the
        // daemon (socket activation, autostart) can subscribe before reminders missed during the
        // downtime go out; READY follows, once the engine has planned and armed its timer.
        let (listenEvents, listeningNow) = AsyncStream<Void>.makeStream()
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    await reload(
                        server, engine, channels, maximumMeetings: maximumMeetings, calendar: calendarSettings,
                        follower: follower, on: hangups, status: statusLine)
                }
                group.addTask { [notifier] in
                    for await _ in listenEvents { break }
                    async let running: Void = engine.run()
                    // A turn of the loop comes after its start: planned, armed.
                    if (try? await engine.heartbeat()) != nil {
                        notifier.ready(status: statusLine.withLockedValue { $0 })
                        // Turns feed the watchdog (EngineWatchdog); this one, after READY, is the
                        // first a manager surely counts.
                        _ = try? await engine.feedWatchdog()
                    }
                    // Calendars are followed once the engine runs: what they change is planned at once.
                    await follower.run(configured: configuration.calendar.sources)
                    try await running
                }
                try await server.run(on: address) { [paths, logger] in
                    if case .path(let path) = address {
                        SocketFile.restrictToOwner(path)
                        socketIdentity.withLockedValue { $0 = SocketFile.identity(of: path) }
                    }
                    listening.withLockedValue { $0 = true }
                    let how = if case .inherited = address { "socket-activated" } else { "listening" }
                    logger.info("Ready: \(how) on \(paths.socket), database \(paths.database)")
                    listeningNow.yield()
                }
                // The server has let its calls finish; the engine stops after the event in hand,
                // and the group waits for it before the database closes.
                group.cancelAll()
            }
        } catch {
            await Self.close(database)
            guard listening.withLockedValue({ $0 }) else {
                throw DaemonError.cannotListen(socket: paths.socket, reason: "\(error)")
            }
            nextCardFile.remove()
            throw error
        }
        notifier.stopping()
        logger.info("Stopping")
        // A stopped daemon announces no card: a prompt must not show one nobody will deliver.
        nextCardFile.remove()
        if case .path(let path) = address, let identity = socketIdentity.withLockedValue({ $0 }) {
            SocketFile.remove(path, ifIdentity: identity)
        }
        await Self.close(database)
    }

    /// Closes the database on a thread of its own: closing waits for every connection, and the
    /// event loop that runs the daemon's tasks must never be the one blocked waiting.
    private static func close(_ database: MentorDatabase) async {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                try? database.close()
                continuation.resume()
            }
        }
    }

    /// Rereads the configuration file at each SIGHUP and applies it; a file that no longer parses
    /// leaves the running configuration as it was, and says why.
    private func reload(
        _ server: ControlServer, _ engine: ReminderService, _ channels: ReminderChannels,
        maximumMeetings: NIOLockedValueBox<Int>, calendar: NIOLockedValueBox<CalendarSettings>,
        follower: CalendarFollower, on hangups: UnixSignalsSequence, status: NIOLockedValueBox<String>
    )
        async
    {
        for await _ in hangups {
            notifier.reloading()
            do {
                let fresh = try await loadConfiguration(paths.configuration)
                server.apply(fresh.limits)
                maximumMeetings.withLockedValue { $0 = fresh.limits.maxMeetings }
                calendar.withLockedValue { $0 = fresh.calendar }
                engine.use(ReminderRules(policy: fresh.reminders, userZone: engine.rules.userZone))
                channels.apply(fresh.channels)
                logger.info("Reloaded configuration from \(paths.configuration); its calendars follow")
                // Applied on the follower's task, in order, one reconcile at a time: probing a CalDAV
                // server may take up to http_timeout, which must hold neither the new rules nor
                // `systemctl reload` (READY=1).
                follower.reconcileLater(fresh.calendar.sources)
            } catch {
                logger.error("Failed to reload '\(paths.configuration)': \(error), keeping the previous configuration")
            }
            notifier.ready(status: status.withLockedValue { $0 })
        }
    }
}
