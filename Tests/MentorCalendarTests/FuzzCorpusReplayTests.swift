import Foundation
import MentorTestSupport
import Testing

/// Replays the calendar fuzzer's corpus, Fuzz/corpus/icalendar, through the checks that
/// Fuzz/ICalendarFuzzer.swift runs (ICalendarFuzzChecks, compiled into both): every input must come
/// back, soon, without trapping or breaking a property.
///
/// An input named `crash-*` once crashed the fuzzer. It runs in a child process (an exit test), so that
/// it fails one test instead of taking the suite down; while its bug is open it is listed in
/// ``openBugs`` and reported as a known issue.
struct FuzzCorpusReplayTests {
    static let corpus = FuzzCorpus("icalendar")

    /// Crash inputs whose bug is not fixed yet, and the bug.
    static let openBugs: [String: Comment] = [:]

    @Test func findsTheCorpus() {
        #expect(Self.corpus.inputs().count >= 10)
    }

    @Test(arguments: corpus.inputs())
    func icalendar(name: String) async throws {
        let bytes = try Self.corpus.bytes(of: name)
        guard FuzzCorpus.isCrash(name) else {
            #expect(Self.corpus.problems(name, bytes, ICalendarFuzzChecks.broken) == [])
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
