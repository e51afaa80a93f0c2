// libFuzzer harness: the times and durations users type (AddMeeting's start and duration, and every
// other `start`, `occurrence`, `from` or `until` a client sends).
//
// Input: the text on the first line; an optional second line names the zone to read it in. The
// calls and the properties checked are Tests/MentorCoreTests/TimeExpressionFuzzChecks.swift, which
// scripts/fuzz compiles in and FuzzCorpusReplayTests replays Fuzz/corpus/timeExpression through; a
// broken property traps here.
//
// Public API only. Built and run by scripts/fuzz.

@_cdecl("LLVMFuzzerTestOneInput")
public func timeExpressionFuzz(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    let broken = TimeExpressionFuzzChecks.broken(text)
    precondition(broken.isEmpty, "\(broken)")
    return 0
}
