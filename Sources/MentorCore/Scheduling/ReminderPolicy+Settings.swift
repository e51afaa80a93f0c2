import Foundation

/// Reading a policy from the words users write: the `[reminders]` keys of the config file and
/// `--offsets purpose=3d,plan=off`.
extension ReminderPolicy {
    /// The config key of each step.
    public static func key(of step: Step) -> String {
        step == .captureAgain ? "capture_again" : step.rawValue
    }

    /// What `key` accepts, as an error ends "expected ...": `a time of day such as 10:00`. Nil for
    /// a key that is not a setting. The config file's documentation uses the same words.
    public static func expectation(ofKey key: String) -> String? {
        if Step.allCases.contains(where: { Self.key(of: $0) == key }) { return offsetExpectation }
        switch key {
        case "prep_hour": return "a time of day such as 10:00"
        case "quiet_hours": return "\"HH:MM-HH:MM\" or \"off\""
        case "working_days": return "days such as Mon-Fri, Mon,Wed,Fri or Mon-Sun"
        case "merge_within": return "a duration up to 1d, or \"0\" to never merge"
        case "order": return StepOrder.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
        case "digest": return "\"daily\" or \"off\""
        case "review_every": return "a duration from 1d to 52w, or \"off\""
        default: return nil
        }
    }

    /// Applies one setting, e.g. `("plan", "2h")`, `("quiet_hours", "off")`, `("working_days", "Mon-Fri")`.
    public mutating func apply(key: String, value: String) throws(ReminderSettingError) {
        guard let expected = Self.expectation(ofKey: key) else { throw .unknownKey(key) }
        let invalid = ReminderSettingError.invalidValue(key: key, value: value, expected: expected)
        if let step = Step.allCases.first(where: { Self.key(of: $0) == key }) {
            offsets[step] = try Self.offset(value, key: key)
            return
        }
        switch key {
        case "prep_hour":
            guard let minutes = Self.minutesOfDay(value) else { throw invalid }
            prepHourMinutes = minutes
        case "quiet_hours":
            if value == "off" {
                quietHours = nil
                return
            }
            let parts = value.split(separator: "-").map { Self.minutesOfDay(String($0)) }
            guard parts.count == 2, let start = parts[0], let end = parts[1] else { throw invalid }
            quietHours = QuietHours(startMinutes: start, endMinutes: end)
        case "working_days":
            guard let days = Self.weekdays(value) else { throw invalid }
            workingDays = days
        case "merge_within":
            guard let seconds = try? DurationExpression.seconds(value), seconds <= 86_400 else { throw invalid }
            mergeWithinSeconds = seconds
        case "order":
            guard let order = StepOrder(rawValue: value) else { throw invalid }
            self.order = order
        case "digest":
            guard value == "daily" || value == "off" else { throw invalid }
            digest = value == "daily"
        case "review_every":
            if value == "off" {
                reviewEverySeconds = nil
                return
            }
            guard let seconds = try? DurationExpression.seconds(value), (86_400...(366 * 86_400)).contains(seconds)
            else { throw invalid }
            reviewEverySeconds = seconds
        default:
            throw .unknownKey(key)
        }
    }

    /// The setting `key` as ``apply(key:value:)`` reads it back: `"3d"`, `"10:00"`, `"Mon-Fri"`,
    /// `"off"`. Nil for a key that is not a setting.
    public func text(ofKey key: String) -> String? {
        if let step = Step.allCases.first(where: { Self.key(of: $0) == key }) {
            return offsets[step].map { DurationExpression.text(seconds: $0) } ?? "off"
        }
        switch key {
        case "prep_hour": return Self.timeOfDay(prepHourMinutes)
        case "quiet_hours":
            return quietHours.map { "\(Self.timeOfDay($0.startMinutes))-\(Self.timeOfDay($0.endMinutes))" } ?? "off"
        case "working_days": return Self.weekdaysText(workingDays)
        case "merge_within": return DurationExpression.text(seconds: mergeWithinSeconds)
        case "order": return order.rawValue
        case "digest": return digest ? "daily" : "off"
        case "review_every": return reviewEverySeconds.map { DurationExpression.text(seconds: $0) } ?? "off"
        default: return nil
        }
    }

    /// Per-step overrides from `purpose=3d,plan=off` (nil turns a step off).
    public static func offsetOverrides(_ text: String) throws(ReminderSettingError) -> [Step: Int?] {
        var overrides: [Step: Int?] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                throw .invalidValue(key: "offsets", value: String(pair), expected: "step=duration")
            }
            guard let step = Step.allCases.first(where: { key(of: $0) == parts[0] || $0.rawValue == parts[0] }) else {
                throw .unknownKey(parts[0])
            }
            overrides[step] = .some(try offset(parts[1], key: parts[0]))
        }
        return overrides
    }

    /// The canonical text of per-step overrides, as stored: `plan=off,purpose=259200s`.
    public static func overridesText(_ overrides: [Step: Int?]) -> String {
        overrides.sorted { $0.key < $1.key }.map { "\(key(of: $0.key))=\($0.value.map { "\($0)s" } ?? "off")" }
            .joined(separator: ",")
    }

    private static func offset(_ value: String, key: String) throws(ReminderSettingError) -> Int? {
        if value == "off" { return nil }
        guard let seconds = try? DurationExpression.seconds(value), offsetRange.contains(seconds) else {
            throw .invalidValue(key: key, value: value, expected: offsetExpectation)
        }
        return seconds
    }

    /// What a step's offset accepts: `a duration from 1s to 30d, or "off"`.
    private static var offsetExpectation: String {
        let range = offsetRange
        return "a duration from \(DurationExpression.text(seconds: range.lowerBound)) to "
            + "\(DurationExpression.text(seconds: range.upperBound)), or \"off\""
    }

    /// `HH:MM` for minutes after midnight.
    private static func timeOfDay(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// Calendar weekdays (1 = Sunday) as runs from Monday on: `Mon-Fri`, `Mon,Wed,Fri`, `Mon-Sun`.
    private static func weekdaysText(_ days: Set<Int>) -> String {
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let week = [2, 3, 4, 5, 6, 7, 1]
        var runs: [ClosedRange<Int>] = []
        for position in week.indices where days.contains(week[position]) {
            if let last = runs.last, last.upperBound + 1 == position {
                runs[runs.count - 1] = last.lowerBound...position
            } else {
                runs.append(position...position)
            }
        }
        return runs.map { run in
            let first = names[week[run.lowerBound] - 1]
            return run.count == 1 ? first : "\(first)-\(names[week[run.upperBound] - 1])"
        }.joined(separator: ",")
    }

    private static func minutesOfDay(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    private static func weekdays(_ text: String) -> Set<Int>? {
        let names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        func number(_ word: Substring) -> Int? {
            names.firstIndex(of: word.trimmingCharacters(in: .whitespaces).lowercased().prefix(3).description).map {
                $0 + 1
            }
        }
        var days: Set<Int> = []
        for item in text.split(separator: ",") {
            let range = item.split(separator: "-")
            guard let first = range.first.flatMap(number), range.count <= 2 else { return nil }
            guard range.count == 2, let last = number(range[1]) else {
                days.insert(first)
                continue
            }
            // Mon-Sun wraps through the week's end: Calendar counts Sunday as 1.
            var day = first
            while true {
                days.insert(day)
                if day == last { break }
                day = day % 7 + 1
            }
        }
        return days.isEmpty ? nil : days
    }
}

/// Why a reminder setting was refused.
public enum ReminderSettingError: Error, Sendable, Equatable {
    /// Not a key of the `[reminders]` table (or not a step name in `--offsets`).
    case unknownKey(String)
    /// The value does not fit the key; `expected` says what would.
    case invalidValue(key: String, value: String, expected: String)
}
