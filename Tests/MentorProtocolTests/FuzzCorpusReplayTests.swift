import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// Replays the fuzzer's corpus, Fuzz/corpus/varlinkCodec, through the checks that
/// Fuzz/VarlinkCodecFuzzer.swift runs (VarlinkCodecFuzzChecks, compiled into both): every input
/// must come back, soon, without trapping or breaking a property.
///
/// An input named `crash-*` once crashed the fuzzer. It runs in a child process (an exit test), so
/// that it fails one test instead of taking the suite down; while its bug is open it is listed in
/// ``openBugs`` and reported as a known issue.
struct FuzzCorpusReplayTests {
    static let corpus = FuzzCorpus("varlinkCodec")

    /// Crash inputs whose bug is not fixed yet, and the bug. Remove an entry once the fix is in.
    static let openBugs: [String: Comment] = [:]

    @Test func findsTheCorpus() {
        #expect(Self.corpus.inputs().count >= 10)
    }

    @Test(arguments: corpus.inputs())
    func varlinkCodec(name: String) async throws {
        let bytes = try Self.corpus.bytes(of: name)
        guard FuzzCorpus.isCrash(name) else {
            #expect(Self.corpus.problems(name, bytes, VarlinkCodecFuzzChecks.broken) == [])
            return
        }
        if let bug = Self.openBugs[name] {
            await withKnownIssue(bug) { await Self.expectNoCrash(name, bytes) }
        } else {
            await Self.expectNoCrash(name, bytes)
        }
    }

    /// The checks reach only the parameters of methods in their table, so every method of both
    /// interfaces must be in it.
    @Test func theChecksKnowEveryMethod() {
        let interfaces = [
            ("io.mentord", InterfaceDescriptions.ioMentord),
            ("org.varlink.service", InterfaceDescriptions.orgVarlinkService),
        ]
        for (interface, text) in interfaces {
            for line in text.split(separator: "\n") where line.hasPrefix("method ") {
                let name = line.dropFirst("method ".count).prefix { $0 != "(" }
                #expect(VarlinkCodecFuzzChecks.methods["\(interface).\(name)"] != nil, "the checks lack \(name)")
            }
        }
    }

    /// Replays a crash input in a child process, which must exit normally.
    private static func expectNoCrash(_ name: String, _ bytes: [UInt8]) async {
        await #expect(processExitsWith: .success, "\(name)") { [bytes] in
            if !VarlinkCodecFuzzChecks.broken(bytes).isEmpty { exit(1) }
        }
    }
}
