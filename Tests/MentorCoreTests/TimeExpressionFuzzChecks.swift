import Foundation
import MentorCore

/// The timeExpression fuzzer's checks, in one place for Fuzz/TimeExpressionFuzzer.swift (scripts/fuzz
/// compiles this file into the harness, which traps on a broken property) and for
/// FuzzCorpusReplayTests, which replays Fuzz/corpus/timeExpression through them. Plain Swift: no
/// Testing.
///
/// Input: the text on the first line; an optional second line names the zone to read it in (read
/// with IANATimeZone, as AddMeeting's timeZone is), else Europe/Berlin. The text goes to
/// DurationExpression and TimeExpression; an instant that parses is used the way the daemon uses a
/// start: rounded to the milliseconds the store keeps and written back as RFC 3339, and when its
/// year has four digits, the UTC text must read back as the same instant (to the millisecond: the
/// parsers add fractions in floating point, so the Doubles may differ in the last bit).
enum TimeExpressionFuzzChecks {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let utc = TimeZone(secondsFromGMT: 0)!
    /// 2026-11-30T10:00:00Z, a Monday: the `now` of TimeExpressionTests.
    static let now = Date(timeIntervalSince1970: 1_796_032_800)

    /// The properties `text` breaks, described; empty when it breaks none.
    static func broken(_ text: String) -> [String] {
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
}
