import Foundation
import MentorCore
import MentorTestSupport
import Testing

/// Replays the fuzzers' corpora, Fuzz/corpus/timeExpression and Fuzz/corpus/recurrence, through the
/// checks that Fuzz/TimeExpressionFuzzer.swift and Fuzz/RecurrenceFuzzer.swift run
/// (TimeExpressionFuzzChecks and RecurrenceFuzzChecks, compiled into both): every input must come
/// back, soon, without trapping or breaking a property.
///
/// An input named `crash-*` once crashed a fuzzer. It runs in a child process (an exit test), so
/// that it fails one test instead of taking the suite down; while its bug is open it is listed in
/// ``openBugs`` and reported as a known issue.
struct FuzzCorpusReplayTests {
    static let corpora = ["timeExpression": FuzzCorpus("timeExpression"), "recurrence": FuzzCorpus("recurrence")]

    /// Crash inputs whose bug is not fixed yet, and the bug. Remove an entry once the fix is in:
    /// its known issue then no longer occurs, which fails the test as a reminder.
    static let openBugs: [String: Comment] = [:]

    static func inputs(_ target: String) -> [String] {
        corpora[target]!.inputs()
    }

    @Test func findsTheCorpora() {
        #expect(Self.inputs("timeExpression").count >= 10)
        #expect(Self.inputs("recurrence").count >= 10)
    }

    @Test(arguments: inputs("timeExpression"))
    func timeExpression(name: String) async throws {
        try await replay("timeExpression", name, TimeExpressionFuzzChecks.broken)
    }

    @Test(arguments: inputs("recurrence"))
    func recurrence(name: String) async throws {
        try await replay("recurrence", name, RecurrenceFuzzChecks.broken)
    }

    /// The daemon's path for a start far in the future: AddMeeting reads it, MeetingDraft rounds it
    /// to the milliseconds the store keeps. Found by the timeExpression fuzzer (crash-in-huge-duration):
    /// Date.millisecondsSince1970 trapped on an instant past Int64.max milliseconds.
    @Test func aStartTooFarAwayForMillisecondsIsRefusedNotATrap() async {
        await #expect(processExitsWith: .success) {
            let zone = TimeZone(identifier: "Europe/Berlin")!
            guard let start = try? TimeExpression.parse("in 20000000000w", in: zone, now: Date()) else { return }
            _ = try? MeetingDraft(title: "t", partner: "p", role: .mentor, start: start, timeZone: zone)
        }
    }

    /// A local time in year 1 east of UTC is an instant in 1 BC, which RFC3339.utc wrote as
    /// 0001-12-31: the text a client got back named another instant. Found by the timeExpression
    /// fuzzer (crash-year-one-east-of-utc).
    @Test func anInstantBeforeYearOneIsRefusedOrWrittenAsItself() {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        guard let start = try? TimeExpression.parse("0001-01-01 00:10", in: berlin, now: Date()) else { return }
        let written = RFC3339.utc(start)
        #expect((try? TimeExpression.parse(written, in: berlin, now: Date())) == start, "written as \(written)")
    }

    private func replay(_ target: String, _ name: String, _ body: @escaping (String) -> [String]) async throws {
        let corpus = Self.corpora[target]!
        let bytes = try corpus.bytes(of: name)
        let text = String(decoding: bytes, as: UTF8.self)
        guard FuzzCorpus.isCrash(name) else {
            #expect(corpus.problems(name, bytes) { body(String(decoding: $0, as: UTF8.self)) } == [])
            return
        }
        if let bug = Self.openBugs["\(target)/\(name)"] {
            await withKnownIssue(bug) { await Self.expectNoCrash(target, name, text) }
        } else {
            await Self.expectNoCrash(target, name, text)
        }
    }

    /// Replays a crash input in a child process, which must exit normally.
    private static func expectNoCrash(_ target: String, _ name: String, _ text: String) async {
        await #expect(processExitsWith: .success, "\(target)/\(name)") { [target, text] in
            let broken =
                target == "recurrence"
                ? RecurrenceFuzzChecks.broken(text) : TimeExpressionFuzzChecks.broken(text)
            if !broken.isEmpty { exit(1) }
        }
    }
}
