import Foundation
import MentorCore

/// The recurrence fuzzer's checks, in one place for Fuzz/RecurrenceFuzzer.swift (scripts/fuzz
/// compiles this file into the harness, which traps on a broken property) and for
/// FuzzCorpusReplayTests, which replays Fuzz/corpus/recurrence through them. Plain Swift: no Testing.
///
/// Input: the rule on the first line; an optional second line is the series' first start (read with
/// TimeExpression, else 2026-03-19 15:00), and an optional third line its zone (else Europe/Berlin).
/// A rule that parses must give canonical text that parses back to it, and is expanded over the
/// first 400 days and over a year 40 years on. The expansion must hold what occurrences(...)
/// promises: ascending, inside the window, at most `limit`, the first start included when in the
/// window, no more than COUNT and nothing after UNTIL.
enum RecurrenceFuzzChecks {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    /// 2026-03-19T15:00 in Berlin, a Thursday, ten days before the spring change.
    static let defaultStart = Date(timeIntervalSince1970: 1_773_928_800)
    static let day = 86_400.0

    /// The properties `text` breaks, described; empty when it breaks none.
    static func broken(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard let rule = try? Recurrence.parse(lines[0]) else { return [] }
        var broken: [String] = []
        func expect(_ holds: Bool, _ property: @autoclosure () -> String) {
            if !holds { broken.append("\(lines[0]): \(property())") }
        }
        expect((try? Recurrence.parse(rule.rule)) == rule, "\(rule.rule) does not parse back")
        let zone = lines.count > 2 ? (try? IANATimeZone.named(lines[2])) ?? berlin : berlin
        let start =
            lines.count > 1
            ? (try? TimeExpression.parse(lines[1], in: zone, now: defaultStart)) ?? defaultStart
            : defaultStart
        let windows = [(start - day, start + 400 * day, 1000), (start + 14_610 * day, start + 14_975 * day, 100)]
        for (from, through, limit) in windows {
            let found = rule.occurrences(startingAt: start, in: zone, from: from, through: through, limit: limit)
            expect(found.count <= limit, "more than \(limit)")
            expect(zip(found, found.dropFirst()).allSatisfy { $0 < $1 }, "not ascending")
            expect(found.allSatisfy { from <= $0 && $0 <= through }, "outside \(from)...\(through)")
            expect(found.first == start || from > start, "the first start is missing")
            if case .count(let count) = rule.end { expect(found.count <= count, "past COUNT") }
            if case .until(let until) = rule.end { expect(found.dropFirst().allSatisfy { $0 <= until }, "past UNTIL") }
        }
        return broken
    }
}
