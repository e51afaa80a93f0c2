import Foundation
import MentorCore
import Testing

/// Replays the fuzzers' corpora, Fuzz/corpus/timeExpression and Fuzz/corpus/recurrence, through the
/// calls and checks of Fuzz/TimeExpressionFuzzer.swift and Fuzz/RecurrenceFuzzer.swift (keep the
/// two in step): every input must come back, soon, without trapping or breaking a property.
///
/// An input named `crash-*` once crashed a fuzzer. It runs in a child process (an exit test), so
/// that it fails one test instead of taking the suite down; while its bug is open it is listed in
/// ``openBugs`` and reported as a known issue.
struct FuzzCorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus")

    /// Crash inputs whose bug is not fixed yet, and the bug. Remove an entry once the fix is in:
    /// its known issue then no longer occurs, which fails the test as a reminder.
    static let openBugs: [String: Comment] = [:]

    static func inputs(_ target: String) -> [String] {
        let directory = corpus.appendingPathComponent(target).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    static func text(_ target: String, _ name: String) throws -> String {
        let file = corpus.appendingPathComponent(target).appendingPathComponent(name)
        return String(decoding: try Data(contentsOf: file), as: UTF8.self)
    }

    @Test func findsTheCorpora() {
        #expect(Self.inputs("timeExpression").count >= 10)
        #expect(Self.inputs("recurrence").count >= 10)
    }

    @Test(arguments: inputs("timeExpression"))
    func timeExpression(name: String) async throws {
        try await replay("timeExpression", name, Replay.timeExpression)
    }

    @Test(arguments: inputs("recurrence"))
    func recurrence(name: String) async throws {
        try await replay("recurrence", name, Replay.recurrence)
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

    private func replay(_ target: String, _ name: String, _ body: (String) -> [String]) async throws {
        let text = try Self.text(target, name)
        guard name.hasPrefix("crash-") else {
            var broken: [String] = []
            let elapsed = ContinuousClock().measure { broken = body(text) }
            #expect(broken.isEmpty, "\(target)/\(name): \(broken)")
            #expect(elapsed < .seconds(5), "\(target)/\(name) took \(elapsed)")
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
            let broken = target == "recurrence" ? Replay.recurrence(text) : Replay.timeExpression(text)
            if !broken.isEmpty { exit(1) }
        }
    }
}

/// The harnesses' bodies, with each broken property returned instead of trapping.
private enum Replay {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let utc = TimeZone(secondsFromGMT: 0)!
    /// The harnesses' `now` and default first start.
    static let now = Date(timeIntervalSince1970: 1_796_032_800)
    static let defaultStart = Date(timeIntervalSince1970: 1_773_928_800)
    static let day = 86_400.0

    /// Fuzz/TimeExpressionFuzzer.swift.
    static func timeExpression(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let zone = lines.count > 1 ? (try? IANATimeZone.named(lines[1])) ?? berlin : berlin
        _ = try? DurationExpression.seconds(lines[0])
        guard let instant = try? TimeExpression.parse(lines[0], in: zone, now: now) else { return [] }
        let stored = instant.roundedToMilliseconds
        let written = RFC3339.utc(stored)
        _ = RFC3339.local(stored, in: zone)
        if (1...9999).contains(LocalDateTime(stored, in: utc).year),
            (try? TimeExpression.parse(written, in: zone, now: now))?.millisecondsSince1970
                != stored.millisecondsSince1970
        {
            return ["\(lines[0]) is \(written), which does not read back as the same instant"]
        }
        return []
    }

    /// Fuzz/RecurrenceFuzzer.swift.
    static func recurrence(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard let rule = try? Recurrence.parse(lines[0]) else { return [] }
        var broken: [String] = []
        if (try? Recurrence.parse(rule.rule)) != rule { broken.append("\(rule.rule) does not parse back") }
        let zone = lines.count > 2 ? (try? IANATimeZone.named(lines[2])) ?? berlin : berlin
        let start =
            lines.count > 1
            ? (try? TimeExpression.parse(lines[1], in: zone, now: defaultStart)) ?? defaultStart
            : defaultStart
        let windows = [(start - day, start + 400 * day, 1000), (start + 14_610 * day, start + 14_975 * day, 100)]
        for (from, through, limit) in windows {
            let found = rule.occurrences(startingAt: start, in: zone, from: from, through: through, limit: limit)
            let checks: [(Bool, String)] = [
                (found.count <= limit, "more than \(limit)"),
                (zip(found, found.dropFirst()).allSatisfy { $0 < $1 }, "not ascending"),
                (found.allSatisfy { from <= $0 && $0 <= through }, "outside \(from)...\(through)"),
                (found.first == start || from > start, "the first start is missing"),
            ]
            broken += checks.filter { !$0.0 }.map { "\(lines[0]): \($0.1)" }
            if case .count(let count) = rule.end, found.count > count { broken.append("\(lines[0]): past COUNT") }
            if case .until(let until) = rule.end, !found.dropFirst().allSatisfy({ $0 <= until }) {
                broken.append("\(lines[0]): past UNTIL")
            }
        }
        return broken
    }
}
