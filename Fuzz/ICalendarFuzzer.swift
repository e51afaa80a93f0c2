// libFuzzer harness: calendar files (mentorctl import and followed calendars, issues #12 and #13), read
// and expanded by MentorCalendar: content lines, folding, parameters, values, zones, VTIMEZONE rules,
// RRULE, RDATE, EXDATE and overrides.
//
// Input: the bytes of a calendar file. The calls and the properties checked are
// Tests/MentorCalendarTests/ICalendarFuzzChecks.swift, which scripts/fuzz compiles in and
// FuzzCorpusReplayTests replays Fuzz/corpus/icalendar through; a broken property traps here.
// libFuzzer's -timeout and -rss_limit_mb catch loops that do not end and allocations that do not stop.
//
// Public API only. Built and run by scripts/fuzz.

@_cdecl("LLVMFuzzerTestOneInput")
public func icalendarFuzz(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: size))
    let broken = ICalendarFuzzChecks.broken(bytes)
    precondition(broken.isEmpty, "\(broken)")
    return 0
}
