import MentorCore

/// One key of `config.toml`: its name, the values it takes, what it does, and the setting of
/// ``DaemonConfiguration`` it fills.
///
/// Keys are made only by the factories below, one per kind of value, so that what a key accepts is
/// stated once: the same words end the reader's error (`'limits.max_connections' must be a whole
/// number from 1 to 65536`) and the documentation (`A whole number from 1 to 65536.`). A key's
/// default is not written down at all: it is the value ``DaemonConfiguration/init()`` holds,
/// written back as TOML by ``defaultValue``.
public struct ConfigurationKey: Sendable {
    /// The key as written in its table: `max_connections`.
    public let name: String
    /// What the key takes, as "must be ..." ends: `a whole number from 1 to 65536`.
    public let expectation: String
    /// What the key does, in paragraphs separated by a blank line; backquotes mark literal text.
    public let help: String
    /// A further line that sets the key, shown commented out beside the default.
    public let example: String?
    /// Reads a value into the configuration, or throws what is wrong with it.
    let read: @Sendable (inout DaemonConfiguration, TOMLDocument.Value) throws(Refusal) -> Void
    /// The key's value in a configuration, as TOML.
    let write: @Sendable (DaemonConfiguration) -> String

    /// Why a value does not fit its key, worded to follow the key's name: `must be true or false`.
    struct Refusal: Error {
        let problem: String
    }

    /// The value mentord uses when the file does not set the key, as TOML: `256`, `"3d"`, `[]`.
    public var defaultValue: String { write(DaemonConfiguration()) }

    /// The key's value in `configuration`, as TOML.
    public func value(in configuration: DaemonConfiguration) -> String { write(configuration) }
}

/// A setting the key fills: a key path that can cross into the schema's shared, immutable table.
typealias Setting<Value> = WritableKeyPath<DaemonConfiguration, Value> & Sendable

extension ConfigurationKey {
    /// A TOML integer within `range`.
    static func wholeNumber(
        _ name: String, _ range: ClosedRange<Int>, _ setting: Setting<Int>, help: String
    ) -> ConfigurationKey {
        let expectation = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        return ConfigurationKey(
            name: name, expectation: expectation, help: help, example: nil,
            read: { configuration, value throws(Refusal) in
                guard let number = value.integer.flatMap({ Int(exactly: $0) }), range.contains(number) else {
                    throw Refusal(problem: "must be \(expectation)")
                }
                configuration[keyPath: setting] = number
            },
            write: { "\($0[keyPath: setting])" })
    }

    /// A duration string (`"30s"`) within `range`, kept as seconds.
    static func duration(
        _ name: String, _ range: ClosedRange<Int>, _ setting: Setting<Int>, help: String
    ) -> ConfigurationKey {
        let expectation =
            "a duration from \(quoted(DurationExpression.text(seconds: range.lowerBound))) to "
            + quoted(DurationExpression.text(seconds: range.upperBound))
        return ConfigurationKey(
            name: name, expectation: expectation, help: help, example: nil,
            read: { configuration, value throws(Refusal) in
                guard let text = value.string, let seconds = try? DurationExpression.seconds(text),
                    range.contains(seconds)
                else { throw Refusal(problem: "must be \(expectation)") }
                configuration[keyPath: setting] = seconds
            },
            write: { quoted(DurationExpression.text(seconds: $0[keyPath: setting])) })
    }

    /// `true` or `false`.
    static func flag(_ name: String, _ setting: Setting<Bool>, help: String) -> ConfigurationKey {
        ConfigurationKey(
            name: name, expectation: "true or false", help: help, example: nil,
            read: { configuration, value throws(Refusal) in
                guard let flag = value.boolean else { throw Refusal(problem: "must be true or false") }
                configuration[keyPath: setting] = flag
            },
            write: { $0[keyPath: setting] ? "true" : "false" })
    }

    /// One of the raw values of `Choice`: `"full"` or `"headline"`.
    static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ setting: Setting<Choice>, help: String
    ) -> ConfigurationKey where Choice.RawValue == String {
        let names = Choice.allCases.map { quoted($0.rawValue) }
        let expectation = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        return ConfigurationKey(
            name: name, expectation: expectation, help: help, example: nil,
            read: { configuration, value throws(Refusal) in
                guard let text = value.string, let choice = Choice(rawValue: text) else {
                    throw Refusal(problem: "must be \(expectation)")
                }
                configuration[keyPath: setting] = choice
            },
            write: { quoted($0[keyPath: setting].rawValue) })
    }

    /// A program and its arguments, run directly, never through a shell; `[]` for none.
    static func command(
        _ name: String, _ setting: Setting<[String]>, help: String, example: String? = nil
    ) -> ConfigurationKey {
        let expectation = "a list of strings, the program first: [\"notify-me\", \"--flag\"]"
        return ConfigurationKey(
            name: name, expectation: expectation, help: help, example: example,
            read: { configuration, value throws(Refusal) in
                guard let items = value.array, let argv = strings(items) else {
                    throw Refusal(problem: "must be \(expectation)")
                }
                // The daemon runs in /, and under autostart it started wherever mentorctl was run:
                // a relative path would find whatever program is there.
                if let program = argv.first, program.contains("/"), !program.hasPrefix("/") {
                    throw Refusal(
                        problem: "runs \(program), a relative path; give an absolute path, "
                            + "or a program name without a slash to look it up on PATH")
                }
                configuration[keyPath: setting] = argv
            },
            write: { list($0[keyPath: setting]) })
    }

    /// E-mail addresses, kept in lower case.
    static func addresses(_ name: String, _ setting: Setting<Set<String>>, help: String) -> ConfigurationKey {
        let expectation = "a list of e-mail addresses: [\"me@example.org\"]"
        return ConfigurationKey(
            name: name, expectation: expectation, help: help, example: nil,
            read: { configuration, value throws(Refusal) in
                guard let items = value.array else { throw Refusal(problem: "must be \(expectation)") }
                var addresses: Set<String> = []
                for item in items {
                    guard let text = item.string, text.contains("@"), !text.contains(where: \.isWhitespace) else {
                        throw Refusal(problem: "must be \(expectation)")
                    }
                    addresses.insert(text.lowercased())
                }
                configuration[keyPath: setting] = addresses
            },
            write: { list($0[keyPath: setting].sorted()) })
    }

    /// A `[reminders]` setting, read and written by ``ReminderPolicy`` (which also reads
    /// `mentorctl add --offsets`), so its words and its ranges stay the policy's.
    static func reminder(_ name: String, help: String) -> ConfigurationKey {
        guard let expectation = ReminderPolicy.expectation(ofKey: name) else {
            preconditionFailure("'\(name)' is not a reminder setting")
        }
        return ConfigurationKey(
            name: name, expectation: expectation, help: help, example: nil,
            read: { configuration, value throws(Refusal) in
                // Every value is written as a string ("3d", "off", "10:00"); merge_within may be 0.
                guard let text = value.string ?? value.integer.map(String.init) else {
                    throw Refusal(problem: "must be a string: \(expectation)")
                }
                do throws(ReminderSettingError) {
                    try configuration.reminders.apply(key: name, value: text)
                } catch {
                    switch error {
                    case .unknownKey: throw Refusal(problem: "unknown key")
                    case .invalidValue(_, let value, let expected):
                        throw Refusal(problem: "is '\(value)', expected \(expected)")
                    }
                }
            },
            write: { quoted($0.reminders.text(ofKey: name) ?? "") })
    }

    /// The array's items when every one is a non-empty string, or nil. An empty array is valid.
    private static func strings(_ array: [TOMLDocument.Value]) -> [String]? {
        var result: [String] = []
        for item in array {
            guard let text = item.string, !text.isEmpty, !text.contains("\0") else { return nil }
            result.append(text)
        }
        return result
    }

    /// `text` as a TOML basic string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `items` as a TOML array of strings on one line.
    private static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }
}
