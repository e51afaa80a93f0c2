/// Parses the duration syntax users type: `45m`, `1h30m`, `90s`, `2d`, `1w`, or `0`.
///
/// A duration is one or more `<whole number><unit>` groups; spaces between groups are allowed.
/// Units: `s`/`sec`/`second(s)`, `m`/`min`/`minute(s)`, `h`/`hr`/`hour(s)`, `d`/`day(s)`, `w`/`week(s)`.
/// A bare number other than `0` is refused: "45" could mean seconds or minutes, and guessing wrong
/// moves a reminder by a factor of sixty.
public enum DurationExpression {
    /// Seconds per unit word, by every accepted spelling.
    fileprivate static let unitSeconds: [String: Int] = {
        var table: [String: Int] = [:]
        let spellings: [(Int, [String])] = [
            (1, ["s", "sec", "secs", "second", "seconds"]),
            (60, ["m", "min", "mins", "minute", "minutes"]),
            (3600, ["h", "hr", "hrs", "hour", "hours"]),
            (86_400, ["d", "day", "days"]),
            (604_800, ["w", "week", "weeks"]),
        ]
        for (seconds, words) in spellings {
            for word in words { table[word] = seconds }
        }
        return table
    }()

    /// The number of seconds `text` stands for.
    /// - Throws: ``DurationExpressionError/invalid(_:)`` carrying the text as given.
    public static func seconds(_ text: String) throws(DurationExpressionError) -> Int {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        if compact == "0" { return 0 }
        var total = 0
        var digits = ""
        var unit = ""
        var groups = 0

        func closeGroup() throws(DurationExpressionError) {
            guard let value = Int(digits), let perUnit = unitSeconds[unit] else {
                throw .invalid(text)
            }
            let (product, overflowA) = value.multipliedReportingOverflow(by: perUnit)
            let (sum, overflowB) = total.addingReportingOverflow(product)
            guard !overflowA, !overflowB else { throw .invalid(text) }
            total = sum
            groups += 1
            digits = ""
            unit = ""
        }

        for character in compact {
            if character.isASCII, character.isNumber {
                if !unit.isEmpty { try closeGroup() }
                digits.append(character)
            } else if character.isASCII, character.isLetter, !digits.isEmpty {
                unit.append(character)
            } else {
                throw .invalid(text)
            }
        }
        if !digits.isEmpty || !unit.isEmpty { try closeGroup() }
        guard groups > 0 else { throw .invalid(text) }
        return total
    }

    /// `seconds` written back in the largest unit that divides it: `3d`, `13w`, `90m`, `0`.
    ///
    /// ``seconds(_:)`` reads the result as `seconds` again; the configuration's documented defaults
    /// are written this way from the values the code uses.
    public static func text(seconds: Int) -> String {
        if seconds == 0 { return "0" }
        for (unit, size) in [("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60)] where seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}

extension DurationExpression {
    /// The seconds of a duration with a decimal fraction, `1.5h` or `2.5 days`, rounded to the
    /// second; nil for anything else. Only `in 1.5h` takes one: a meeting's length or an offset
    /// stays in whole units, where `1h30m` says the same without rounding.
    public static func fractionalSeconds(_ text: String) -> Int? {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        guard let unitStart = compact.firstIndex(where: \.isLetter),
            let perUnit = unitSeconds[String(compact[unitStart...])]
        else { return nil }
        let number = compact[..<unitStart]
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[1].count <= 6,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), parts[0].count <= 9,
            let value = Double(number)
        else { return nil }
        return Int((value * Double(perUnit)).rounded())
    }
}

/// Why a duration could not be read.
public enum DurationExpressionError: Error, Sendable, Equatable {
    /// The text is not a duration; it carries the text as the user typed it.
    case invalid(String)
}
