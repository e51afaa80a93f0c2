/// A time of day as typed: `9:30`, `15:00`, `15:00:30.250`, `3pm`, `3:30pm`, `15h`, `15h30`, `noon`,
/// `midnight`.
///
/// A bare number (`9`) is not a clock time on its own: after a day (`tomorrow 9`) ``TimePhrase``
/// takes it as the hour, alone it could be any hour.
struct ClockTime: Sendable, Equatable {
    var hour: Int
    var minute: Int
    var second = 0
    var millisecond = 0

    init(hour: Int, minute: Int, second: Int = 0, millisecond: Int = 0) {
        (self.hour, self.minute, self.second, self.millisecond) = (hour, minute, second, millisecond)
    }

    /// The clock time `word` (lowercased, one word) writes; nil when it is not written as one.
    /// - Throws: ``TimeExpressionError/unreadable(_:advice:)`` for a clock time out of range, such
    ///   as `13pm` or `24:00`, with what to type instead; `text` is the whole input, for the error.
    static func read(_ word: String, in text: String) throws(TimeExpressionError) -> ClockTime? {
        switch word {
        case "noon", "midday": return ClockTime(hour: 12, minute: 0)
        case "midnight": return ClockTime(hour: 0, minute: 0)
        default: break
        }
        for (suffix, afternoon) in [("am", false), ("a.m.", false), ("pm", true), ("p.m.", true)]
        where word.hasSuffix(suffix) && word.count > suffix.count {
            return try twelveHour(String(word.dropLast(suffix.count)), afternoon: afternoon, word, text)
        }
        if let h = word.firstIndex(of: "h"), word.first?.isASCIIDigit == true {
            return try hourMark(hours: word[..<h], minutes: word[word.index(after: h)...], word, text)
        }
        guard word.contains(":") else { return nil }
        guard let clock = twentyFourHour(word) else {
            if word.hasPrefix("24:") {
                throw .unreadable(text, advice: "the day has no hour 24: write 00:00 and the next day (tomorrow 00:00)")
            }
            throw .unreadable(text, advice: "'\(word)' is not a time of day: hours run 0 to 23, minutes 00 to 59")
        }
        return clock
    }

    /// `3`, `3:30` before am or pm.
    private static func twelveHour(_ digits: String, afternoon: Bool, _ word: String, _ text: String)
        throws(TimeExpressionError) -> ClockTime
    {
        let hourText = digits.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        guard let clock = digits.contains(":") ? twentyFourHour(digits) : wholeHour(digits) else {
            throw .unreadable(text, advice: "'\(word)' is not a time of day (write 3pm, 3:30pm or 15:30)")
        }
        guard (1...12).contains(clock.hour), clock.second == 0, clock.millisecond == 0 else {
            throw .unreadable(
                text,
                advice:
                    "'\(word)' mixes the 12- and 24-hour clocks: write \(hourText):\(LocalDate.twoDigits(clock.minute)) "
                    + "or an hour from 1 to 12 with am or pm")
        }
        var result = clock
        result.hour = clock.hour % 12 + (afternoon ? 12 : 0)
        return result
    }

    /// `15h`, `15h30`: the hour mark written in much of Europe.
    private static func hourMark(hours: Substring, minutes: Substring, _ word: String, _ text: String)
        throws(TimeExpressionError) -> ClockTime?
    {
        guard (1...2).contains(hours.count), hours.allSatisfy(\.isASCIIDigit),
            minutes.isEmpty || (minutes.count == 2 && minutes.allSatisfy(\.isASCIIDigit))
        else { return nil }
        let hour = Int(hours)!
        let minute = minutes.isEmpty ? 0 : Int(minutes)!
        guard hour <= 23, minute <= 59 else {
            throw .unreadable(text, advice: "'\(word)' is not a time of day: hours run 0 to 23, minutes 00 to 59")
        }
        return ClockTime(hour: hour, minute: minute)
    }

    /// A bare hour, `0` to `23`, as written after a day or before am/pm.
    static func wholeHour(_ word: some StringProtocol) -> ClockTime? {
        guard (1...2).contains(word.count), word.allSatisfy(\.isASCIIDigit), let hour = Int(word), hour <= 23 else {
            return nil
        }
        return ClockTime(hour: hour, minute: 0)
    }

    /// `H:MM`, `HH:MM:SS`, `HH:MM:SS.fff`.
    static func twentyFourHour(_ text: String) -> ClockTime? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var secondsPart = parts.count == 3 ? String(parts[2]) : "00"
        var millisecond = 0
        if let dot = secondsPart.firstIndex(of: ".") {
            let fraction = secondsPart[secondsPart.index(after: dot)...]
            guard (1...3).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            millisecond = Int(fraction + String(repeating: "0", count: 3 - fraction.count))!
            secondsPart = String(secondsPart[..<dot])
        }
        guard (1...2).contains(parts[0].count), parts[1].count == 2, secondsPart.count == 2,
            [parts[0], parts[1], Substring(secondsPart)].allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), let second = Int(secondsPart),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }
        return ClockTime(hour: hour, minute: minute, second: second, millisecond: millisecond)
    }
}

extension Character {
    /// 0 to 9 only: `isNumber` alone also takes other scripts' digits and fractions.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
