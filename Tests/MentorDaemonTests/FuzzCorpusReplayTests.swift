import Foundation
import MentorDaemon
import MentorTestSupport
import Testing

/// Replays the fuzzer's corpus, Fuzz/corpus/config, through the checks that Fuzz/ConfigFuzzer.swift
/// runs (ConfigFuzzChecks, compiled into both): every input must come back, soon, without trapping
/// or breaking a property.
///
/// An input named `crash-*` once crashed the fuzzer. It runs in a child process (an exit test), so
/// that it fails one test instead of taking the suite down; while its bug is open it is listed in
/// ``openBugs`` and reported as a known issue.
struct FuzzCorpusReplayTests {
    static let corpus = FuzzCorpus("config")

    /// Crash inputs whose bug is not fixed yet, and the bug. Remove an entry once the fix is in:
    /// its known issue then no longer occurs, which fails the test as a reminder.
    static let openBugs: [String: Comment] = [:]

    @Test func findsTheCorpus() {
        #expect(Self.corpus.inputs().count >= 10)
    }

    @Test(arguments: corpus.inputs())
    func config(name: String) async throws {
        let bytes = try Self.corpus.bytes(of: name)
        let text = String(decoding: bytes, as: UTF8.self)
        guard FuzzCorpus.isCrash(name) else {
            #expect(
                Self.corpus.problems(name, bytes) { ConfigFuzzChecks.broken(String(decoding: $0, as: UTF8.self)) } == []
            )
            return
        }
        if let bug = Self.openBugs[name] {
            await withKnownIssue(bug) { await Self.expectNoCrash(name, text) }
        } else {
            await Self.expectNoCrash(name, text)
        }
    }

    /// A config file that is not TOML must be an error naming its line and column, at start-up and
    /// on SIGHUP (where the documented behaviour is to keep the running settings), never an abort.
    /// Found by the config fuzzer against the TOML parser mentord used before (toml++, whose
    /// assertions aborted): a table header cut short or closed by a brace, a date-time without its
    /// time, an array closed by a brace.
    @Test(arguments: ["[\n", "[}\n", "b=1979-05-27T:", "a = [}"])
    func malformedTOMLIsAnErrorNotAnAbort(text: String) async {
        await #expect(processExitsWith: .success) { [text] in
            do {
                _ = try DaemonConfiguration.parse(text, path: "c.toml")
                exit(1)
            } catch {
                guard case .invalidConfiguration(let place, _)? = error as? DaemonError, place.hasPrefix("c.toml:1:")
                else {
                    exit(2)
                }
                exit(0)
            }
        }
    }

    /// Replays a crash input in a child process, which must exit normally.
    private static func expectNoCrash(_ name: String, _ text: String) async {
        await #expect(processExitsWith: .success, "\(name)") { [text] in
            if !ConfigFuzzChecks.broken(text).isEmpty { exit(1) }
        }
    }
}
