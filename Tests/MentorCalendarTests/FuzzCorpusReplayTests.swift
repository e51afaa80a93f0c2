import Foundation
import Testing

/// Replays the calendar fuzzer's corpus, Fuzz/corpus/icalendar, through the checks that
/// Fuzz/ICalendarFuzzer.swift runs (ICalendarFuzzChecks, compiled into both): every input must come
/// back, soon, without trapping or breaking a property.
///
/// An input named `crash-*` once crashed the fuzzer. It runs in a child process (an exit test), so that
/// it fails one test instead of taking the suite down; while its bug is open it is listed in
/// ``openBugs`` and reported as a known issue.
struct FuzzCorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus/icalendar")

    /// Crash inputs whose bug is not fixed yet, and the bug.
    static let openBugs: [String: Comment] = [:]

    static func inputs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
    }

    @Test func findsTheCorpus() {
        #expect(Self.inputs().count >= 10)
    }

    @Test(arguments: inputs())
    func icalendar(name: String) async throws {
        let bytes = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent(name)))
        guard name.hasPrefix("crash-") else {
            var broken: [String] = []
            let elapsed = ContinuousClock().measure { broken = ICalendarFuzzChecks.broken(bytes) }
            #expect(broken.isEmpty, "icalendar/\(name): \(broken)")
            #expect(elapsed < .seconds(5), "icalendar/\(name) took \(elapsed)")
            return
        }
        if let bug = Self.openBugs[name] {
            await withKnownIssue(bug) { await Self.expectNoCrash(name, bytes) }
        } else {
            await Self.expectNoCrash(name, bytes)
        }
    }

    /// Replays a crash input in a child process, which must exit normally.
    private static func expectNoCrash(_ name: String, _ bytes: [UInt8]) async {
        await #expect(processExitsWith: .success, "icalendar/\(name)") { [bytes] in
            if !ICalendarFuzzChecks.broken(bytes).isEmpty { exit(1) }
        }
    }
}
