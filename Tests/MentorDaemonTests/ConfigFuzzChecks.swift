import MentorCore
import MentorDaemon

/// The config fuzzer's checks, in one place for Fuzz/ConfigFuzzer.swift (scripts/fuzz compiles this
/// file into the harness, which traps on a broken property) and for FuzzCorpusReplayTests, which
/// replays Fuzz/corpus/config through them. Plain Swift: no Testing.
///
/// Input: config.toml as the daemon reads it (TOMLKit's toml++ parser, then the [limits],
/// [reminders], [desktop], [journal] and [hook] tables), and the per-step offsets text a client
/// sends (AddMeeting's `offsets`), which the store keeps as ReminderPolicy.overridesText and reads
/// back with offsetOverrides: that text must read back to the same overrides.
enum ConfigFuzzChecks {
    /// The properties `text` breaks, described; empty when it breaks none.
    static func broken(_ text: String) -> [String] {
        _ = try? DaemonConfiguration.parse(text, path: "config.toml")
        guard let overrides = try? ReminderPolicy.offsetOverrides(text) else { return [] }
        let stored = ReminderPolicy.overridesText(overrides)
        return (try? ReminderPolicy.offsetOverrides(stored)) == overrides ? [] : ["\(text) is stored as \(stored)"]
    }
}
