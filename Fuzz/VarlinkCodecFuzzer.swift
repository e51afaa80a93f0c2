// libFuzzer harness: the bytes a client writes to the daemon's socket (and the daemon to a client).
//
// The framing, decoding and round trips checked are Tests/MentorProtocolTests/VarlinkCodecFuzzChecks.swift,
// which scripts/fuzz compiles in and FuzzCorpusReplayTests replays Fuzz/corpus/varlinkCodec through;
// a broken property traps here.
//
// Public API only. Built and run by scripts/fuzz.

@_cdecl("LLVMFuzzerTestOneInput")
public func varlinkCodecFuzz(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    let broken = VarlinkCodecFuzzChecks.broken([UInt8](UnsafeRawBufferPointer(start: data, count: size)))
    precondition(broken.isEmpty, "\(broken)")
    return 0
}
