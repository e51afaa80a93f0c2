// libFuzzer harness: RRULE text (AddMeeting's and UpdateMeeting's `recurrence`) and the expansion of
// the rule, which the reminder engine runs for every repeating meeting.
//
// Input: the rule on the first line; an optional second line is the series' first start (read with
// TimeExpression, else 2026-03-19 15:00), and an optional third line its zone (else Europe/Berlin).
// A rule that parses must give canonical text that parses back to it, and is expanded over the
// first 400 days and over a year 40 years on. The expansion must hold what occurrences(...)
// promises: ascending, inside the window, at most `limit`, the first start included when in the
// window, no more than COUNT and nothing after UNTIL. libFuzzer's -timeout and -rss_limit_mb catch
// loops that do not end and allocations that do not stop.
//
// Public API only. Built and run by scripts/fuzz; Tests/MentorCoreTests/FuzzCorpusReplayTests.swift
// replays Fuzz/corpus/recurrence through the same calls: keep the two in step.
import Foundation
import MentorCore

private let berlin = TimeZone(identifier: "Europe/Berlin")!
/// 2026-03-19T15:00 in Berlin, a Thursday, ten days before the spring change.
private let defaultStart = Date(timeIntervalSince1970: 1_773_928_800)
private let day = 86_400.0

@_cdecl("LLVMFuzzerTestOneInput")
public func recurrenceFuzz(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    guard let rule = try? Recurrence.parse(lines[0]) else { return 0 }
    precondition(try! Recurrence.parse(rule.rule) == rule, "\(lines[0]) -> \(rule.rule)")
    let zone = lines.count > 2 ? (try? IANATimeZone.named(lines[2])) ?? berlin : berlin
    let start =
        lines.count > 1
        ? (try? TimeExpression.parse(lines[1], in: zone, now: defaultStart)) ?? defaultStart
        : defaultStart
    let windows = [(start - day, start + 400 * day, 1000), (start + 14_610 * day, start + 14_975 * day, 100)]
    for (from, through, limit) in windows {
        let found = rule.occurrences(startingAt: start, in: zone, from: from, through: through, limit: limit)
        precondition(found.count <= limit && zip(found, found.dropFirst()).allSatisfy { $0 < $1 })
        precondition(found.allSatisfy { from <= $0 && $0 <= through })
        precondition(found.first == start || from > start)
        if case .count(let count) = rule.end { precondition(found.count <= count) }
        if case .until(let until) = rule.end { precondition(found.dropFirst().allSatisfy { $0 <= until }) }
    }
    return 0
}
