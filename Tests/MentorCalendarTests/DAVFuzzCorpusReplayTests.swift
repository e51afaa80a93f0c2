import Foundation
import MentorTestSupport
import Testing

/// Replays the WebDAV reply fuzzer's corpus, Fuzz/corpus/davMultistatus (Radicale's own replies,
/// captured, and SabreDAV-, iCloud- and Google-shaped ones), through the checks that
/// Fuzz/DAVMultistatusFuzzer.swift runs (DAVMultistatusFuzzChecks, compiled into both).
struct DAVFuzzCorpusReplayTests {
    static let corpus = FuzzCorpus("davMultistatus")

    @Test func findsTheCorpus() {
        #expect(Self.corpus.inputs().count >= 10)
    }

    @Test(arguments: corpus.inputs())
    func davMultistatus(name: String) throws {
        let bytes = try Self.corpus.bytes(of: name)
        #expect(Self.corpus.problems(name, bytes, DAVMultistatusFuzzChecks.broken) == [])
    }
}
