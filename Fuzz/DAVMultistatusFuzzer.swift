// libFuzzer harness: WebDAV multistatus replies (PROPFIND, calendar-query, calendar-multiget,
// sync-collection) as a followed CalDAV calendar receives them (issue #13), read by MentorCalendar's
// DAVMultistatus on its own XML reader, XMLEventReader.
//
// Input: the bytes of a reply body. The calls and the properties checked are
// Tests/MentorCalendarTests/DAVMultistatusFuzzChecks.swift, which scripts/fuzz compiles in and
// DAVFuzzCorpusReplayTests replays Fuzz/corpus/davMultistatus through; a broken property traps here.
//
// Public API only. Built and run by scripts/fuzz.

@_cdecl("LLVMFuzzerTestOneInput")
public func davMultistatusFuzz(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: size))
    let broken = DAVMultistatusFuzzChecks.broken(bytes)
    precondition(broken.isEmpty, "\(broken)")
    return 0
}
