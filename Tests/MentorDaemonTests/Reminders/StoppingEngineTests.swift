import Foundation
import Logging
import MentorCore
import MentorStore
import MentorTestSupport
import NIOConcurrencyHelpers
import Testing

@testable import MentorDaemon

/// The engine's task is cancelled when mentord stops (the service group cancels it), and the read
/// in hand then throws `CancellationError`: that is the stop, not a failure to log as an error and
/// retry in a minute, as it was before.
struct StoppingEngineTests {
    /// Every message logged at warning or above.
    final class Problems: LogHandler, @unchecked Sendable {
        let logged = NIOLockedValueBox<[String]>([])
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            if event.level >= .warning { logged.withLockedValue { $0.append("\(event.message)") } }
        }
    }

    /// The engine's next deadline (`deadline()` may advance the scheduler's state, so it runs on a copy).
    static func deadline(of engine: isolated ReminderService) -> Date? {
        var scheduler = engine.scheduler
        return scheduler.deadline()
    }

    @Test func aPlanCancelledByTheStopIsNeitherAnErrorNorRetried() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try MentorDatabase(path: directory.file("mentord.sqlite3")) { _ in }
        let stores = MentoringStores(database: database)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let utc = TimeZone(identifier: "UTC")!
        _ = try await stores.meetings.add(
            MeetingDraft(
                title: "1:1", partner: "Sam", role: .mentee, start: now.addingTimeInterval(3600), timeZone: utc),
            now: now)
        let problems = Problems()
        let logger = Logger(label: "mentord.test") { _ in problems }
        let clock = ManualClock(now)
        let engine = ReminderService(
            stores: stores,
            rules: ReminderRules(policy: InProcessDaemon.secondsConfiguration.reminders, userZone: utc),
            clock: clock,
            channels: ReminderChannels(settings: ChannelSettings(), broadcaster: ReminderBroadcaster(), logger: logger),
            logger: logger, timer: ManualTimer(clock: clock).factory
        ) { _ in }

        let stopping = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await engine.planEverything()
        }
        await stopping.value
        #expect(problems.logged.withLockedValue { $0 } == [])
        #expect(await Self.deadline(of: engine) == nil)

        // The same plan, not cancelled, arms the meeting's first step.
        await engine.planEverything()
        #expect(await Self.deadline(of: engine) != nil)
        try database.close()
    }
}
