// libFuzzer harness: config.toml as the daemon reads it (TOMLKit's toml++ parser, then the
// [limits], [reminders], [desktop], [journal] and [hook] tables), and the per-step offsets text a
// client sends (AddMeeting's `offsets`), which the store keeps as ReminderPolicy.overridesText and
// reads back with offsetOverrides: that text must read back to the same overrides.
//
// Public API only. scripts/fuzz builds MentorDaemon for this harness from the three files the
// configuration needs (DaemonConfiguration, ChannelSettings, DaemonError), with TOMLKit from the
// package's checkout. Tests/MentorDaemonTests/FuzzCorpusReplayTests.swift replays Fuzz/corpus/config
// through the same calls: keep the two in step.
import MentorCore
import MentorDaemon

@_cdecl("LLVMFuzzerTestOneInput")
public func configFuzz(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? DaemonConfiguration.parse(text, path: "config.toml")
    if let overrides = try? ReminderPolicy.offsetOverrides(text) {
        let stored = ReminderPolicy.overridesText(overrides)
        precondition(try! ReminderPolicy.offsetOverrides(stored) == overrides, "\(text) -> \(stored)")
    }
    return 0
}
