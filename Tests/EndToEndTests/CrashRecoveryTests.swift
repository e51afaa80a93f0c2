import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// `kill -9` where it hurts: in the middle of many writes from several clients, and between a
/// reminder's ledger claim and its delivery. Nothing replied is lost; nothing is shown twice.
struct CrashRecoveryTests {
    /// SQLite's own check of the file, through an SQLite we did not link.
    private func integrity(of path: String) throws -> String {
        let result = try ProcessRunner.run(
            "/usr/bin/env",
            [
                "python3", "-c",
                "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma integrity_check').fetchone()[0])",
                path,
            ])
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: [UInt64(1), 2, 3]) func everyRepliedWriteSurvivesKillNineDuringConcurrentAddsAndEdits(seed: UInt64)
        async throws
    {
        try await offThePool { [self] in
            try everyRepliedWriteSurvivesKillNineDuringConcurrentAddsAndEditsBlocking(seed: seed)
        }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func everyRepliedWriteSurvivesKillNineDuringConcurrentAddsAndEditsBlocking(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let daemon = try DaemonProcess(in: directory)
        var random = SplitMix64(seed: seed)
        // The kill lands after a random share of the 1,000 operations.
        let killAfter = Int.random(in: 50..<950, using: &random)
        let replied = SharedBox<[Int64: String]>([:])
        let done = SharedBox(0)
        let clients = 4
        let group = DispatchGroup()
        for client in 0..<clients {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                guard let connection = try? daemon.connect() else { return }
                var mine: [Int64] = []
                for index in 0..<(1000 / clients) {
                    do {
                        if index % 3 == 2, let id = mine.last {
                            let title = "edited \(client)-\(index)"
                            _ = try connection.call(UpdateMeeting.self, .init(id: id, title: title))
                            replied.update { $0[id] = title }
                        } else {
                            let title = "m \(client)-\(index)"
                            let meeting = try connection.call(
                                AddMeeting.self, .init(title: title, partner: "Sam", role: .mentee, start: "in 3h")
                            )
                            .meeting
                            mine.append(meeting.id)
                            replied.update { $0[meeting.id] = title }
                        }
                    } catch {
                        return  // the daemon died under us
                    }
                    if done.update({
                        $0 += 1
                        return $0
                    }) == killAfter {
                        daemon.crash()
                    }
                }
            }
        }
        group.wait()
        daemon.crash()
        #expect(try integrity(of: daemon.databasePath) == "ok")
        let restarted = try DaemonProcess(in: directory)
        let stored = Dictionary(
            uniqueKeysWithValues: try restarted.connect().call(ListMeetings.self, .init(limit: 10_000)).meetings.map {
                ($0.id, $0.title)
            })
        let expected = replied.value
        #expect(!expected.isEmpty)
        for (id, title) in expected {
            // An edit replied to is there; one sent but not replied to may be there too.
            #expect(stored[id] == title || stored[id]?.hasPrefix("edited") == true, "meeting \(id)")
        }
        #expect(restarted.stop() == 0)
    }

    @Test func aReminderClaimedButNotDeliveredIsDeliveredOnceAfterRestart() async throws {
        try await offThePool { [self] in try aReminderClaimedButNotDeliveredIsDeliveredOnceAfterRestartBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func aReminderClaimedButNotDeliveredIsDeliveredOnceAfterRestartBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try DaemonProcess.secondsConfiguration.write(
            toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        // This daemon kills itself right after claiming the first card in the ledger.
        let faulty = try DaemonProcess(in: directory, environment: ["MENTORD_FAULT": "crash-after-claim"])
        let watcher = try ReminderWatcher(socket: faulty.socketPath)
        // The add commits, then plans: the card is claimed and the daemon dies before its reply.
        _ = try? faulty.connect().call(
            AddMeeting.self,
            .init(
                title: "Claimed", partner: "Sam", role: .mentee, start: "in 1h", duration: "1s",
                offsets: "purpose=1d,preparation=off,plan=off,participation=off,capture=off,capture_again=off"))
        for _ in 0..<250 where faulty.isRunning { Thread.sleep(forTimeInterval: 0.02) }
        #expect(!faulty.isRunning, "the fault killed it")
        #expect(watcher.received.isEmpty, "nobody saw the card before the crash")

        // The restart delivers it before it reports ready (so no watcher could subscribe first):
        // its journal line says so, once.
        let line = "Reminder: Purpose: Claimed with Sam"
        let restarted = try DaemonProcess(in: directory)
        #expect(restarted.stderr.components(separatedBy: line).count == 2, "\(restarted.stderr)")
        #expect(restarted.stderr.contains("[late]"))
        // Once: another restart does not show it again.
        #expect(restarted.stop() == 0)
        let third = try DaemonProcess(in: directory)
        let upcoming = try third.connect().call(ListUpcoming.self, .init(days: 1)).occurrences
        #expect(upcoming.first?.reminders.first { $0.step == .purpose }?.state == "delivered")
        #expect(!third.stderr.contains(line))
    }
}

/// A value shared by the test's threads.
final class SharedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) {
        stored = value
    }

    var value: Value { lock.withLock { stored } }

    @discardableResult
    func update<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.withLock { body(&stored) }
    }
}
