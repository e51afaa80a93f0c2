// libFuzzer harness: config.toml as the daemon reads it (TOMLReader, then the tables), and the
// per-step offsets text a client sends (AddMeeting's `offsets`), which must read back to the same
// overrides once stored.
//
// The calls and the properties checked are Tests/MentorDaemonTests/ConfigFuzzChecks.swift, which
// scripts/fuzz compiles in and FuzzCorpusReplayTests replays Fuzz/corpus/config through; a broken
// property traps here.
//
// Public API only. scripts/fuzz builds MentorDaemon for this harness from the files the
// configuration needs (DaemonConfiguration, ChannelSettings, DaemonError and the TOML reader's).

@_cdecl("LLVMFuzzerTestOneInput")
public func configFuzz(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    let broken = ConfigFuzzChecks.broken(text)
    precondition(broken.isEmpty, "\(broken)")
    return 0
}
