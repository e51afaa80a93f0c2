import MentorCore
import MentorDaemon

/// The config fuzzer's checks, in one place for Fuzz/ConfigFuzzer.swift (scripts/fuzz compiles this
/// file into the harness, which traps on a broken property) and for FuzzCorpusReplayTests, which
/// replays Fuzz/corpus/config through them. Plain Swift: no Testing.
///
/// Input: config.toml as the daemon reads it (``TOMLReader``, then the [limits], [reminders],
/// [desktop], [journal] and [hook] tables), and the per-step offsets text a client sends
/// (AddMeeting's `offsets`), which the store keeps as ReminderPolicy.overridesText and reads back
/// with offsetOverrides: that text must read back to the same overrides.
enum ConfigFuzzChecks {
    /// The properties `text` breaks, described; empty when it breaks none.
    static func broken(_ text: String) -> [String] {
        var broken: [String] = []
        do {
            // What the reader accepts, written out again, reads back to the same values.
            let document = try TOMLReader.read(text)
            let written = Self.text(document)
            if let again = try? TOMLReader.read(written) {
                if values(again) != values(document) { broken.append("\(text) reads back differently from \(written)") }
            } else {
                broken.append("\(text) is read, but not as written out: \(written)")
            }
        } catch {
            // An error points into the text: a line that exists, a column from 1.
            let lines = text.unicodeScalars.count { $0 == "\n" } + 1
            if !(1...lines).contains(error.position.line) || error.position.column < 1 {
                broken.append("\(text) is refused at \(error.position), outside it")
            }
        }
        do {
            _ = try DaemonConfiguration.parse(text, path: "config.toml")
        } catch {
            guard case .invalidConfiguration(let place, _) = error, place.hasPrefix("config.toml:") else {
                return broken + ["\(text) is refused without its line: \(error)"]
            }
        }
        guard let overrides = try? ReminderPolicy.offsetOverrides(text) else { return broken }
        let stored = ReminderPolicy.overridesText(overrides)
        if (try? ReminderPolicy.offsetOverrides(stored)) != overrides {
            broken.append("\(text) is stored as \(stored)")
        }
        return broken
    }

    /// The document without positions: what two readings must agree on.
    static func values(_ document: TOMLDocument) -> [[String]] {
        document.topLevel.map { ["", $0.key, "\($0.value)"] }
            + document.tables.flatMap { table in
                [[table.name]] + table.entries.map { [table.name, $0.key, "\($0.value)"] }
            }
    }

    /// `document` written as TOML: every string as a basic string, escaped where it must be.
    static func text(_ document: TOMLDocument) -> String {
        var lines = document.topLevel.map { "\($0.key) = \(text($0.value))" }
        for table in document.tables {
            lines.append("[\(table.name)]")
            lines += table.entries.map { "\($0.key) = \(text($0.value))" }
        }
        return lines.joined(separator: "\n")
    }

    private static func text(_ value: TOMLDocument.Value) -> String {
        switch value {
        case .string(let string):
            var escaped = "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    let digits = String(scalar.value, radix: 16)
                    escaped += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return escaped + "\""
        case .integer(let number): return String(number)
        case .boolean(let flag): return String(flag)
        case .array(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        }
    }
}
