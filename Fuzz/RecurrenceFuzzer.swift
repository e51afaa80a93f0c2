// libFuzzer harness: RRULE text (AddMeeting's and UpdateMeeting's `recurrence`) and the expansion of
// the rule, which the reminder engine runs for every repeating meeting.
//
// Input: the rule on the first line; an optional second line is the series' first start, and an
// optional third line its zone. The calls and the properties checked are
// Tests/MentorCoreTests/RecurrenceFuzzChecks.swift, which scripts/fuzz compiles in and
// FuzzCorpusReplayTests replays Fuzz/corpus/recurrence through; a broken property traps here.
// libFuzzer's -timeout and -rss_limit_mb catch loops that do not end and allocations that do not stop.
//
// Public API only. Built and run by scripts/fuzz.

@_cdecl("LLVMFuzzerTestOneInput")
public func recurrenceFuzz(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    let broken = RecurrenceFuzzChecks.broken(text)
    precondition(broken.isEmpty, "\(broken)")
    return 0
}
