// libFuzzer harness: the times and durations users type (AddMeeting's start and duration, and every
// other `start`, `occurrence`, `from` or `until` a client sends).
//
// Input: the text on the first line; an optional second line names the zone to read it in (read
// with IANATimeZone, as AddMeeting's timeZone is), else Europe/Berlin. The text goes to
// DurationExpression and TimeExpression; an instant that parses is used the way the daemon uses a
// start: rounded to the milliseconds the store keeps and written back as RFC 3339, and when its
// year has four digits, the UTC text must read back as the same instant (to the millisecond: the
// parsers add fractions in floating point, so the Doubles may differ in the last bit).
//
// Public API only. Built and run by scripts/fuzz; Tests/MentorCoreTests/FuzzCorpusReplayTests.swift
// replays Fuzz/corpus/timeExpression through the same calls: keep the two in step.
import Foundation
import MentorCore

private let berlin = TimeZone(identifier: "Europe/Berlin")!
/// 2026-11-30T10:00:00Z, a Monday: the `now` of TimeExpressionTests.
private let now = Date(timeIntervalSince1970: 1_796_032_800)

@_cdecl("LLVMFuzzerTestOneInput")
public func timeExpressionFuzz(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let zone = lines.count > 1 ? (try? IANATimeZone.named(lines[1])) ?? berlin : berlin
    _ = try? DurationExpression.seconds(lines[0])
    guard let instant = try? TimeExpression.parse(lines[0], in: zone, now: now) else { return 0 }
    let stored = instant.roundedToMilliseconds
    let utc = RFC3339.utc(stored)
    _ = RFC3339.local(stored, in: zone)
    if (1...9999).contains(LocalDateTime(stored, in: TimeZone(secondsFromGMT: 0)!).year) {
        let back = try! TimeExpression.parse(utc, in: zone, now: now)
        precondition(back.millisecondsSince1970 == stored.millisecondsSince1970, "\(lines[0]) -> \(utc)")
    }
    return 0
}
