/// A typed time split into what it says, before a zone or an anchor gives it an instant: a day
/// (`tomorrow`, `thu`, `Dec 10`), a time of day (`3pm`, `15:00`), or both, in either order, with
/// `at` and `on` allowed between (`tomorrow at 9`).
///
/// Each way of going wrong gets its own advice, so the user learns what to type instead.
struct TimePhrase: Sendable, Equatable {
    var day: DayPhrase?
    var clock: ClockTime?

    /// Words that join a day and a time and mean nothing themselves.
    private static let fillers: Set<String> = ["at", "on", "the"]

    /// The phrase `input` (lowercased and trimmed) writes.
    /// - Throws: ``TimeExpressionError`` with advice for the form it recognised, or
    ///   ``TimeExpressionError/invalidSyntax(_:)`` when it recognised none.
    static func read(_ input: String, text: String) throws(TimeExpressionError) -> TimePhrase {
        let words = joinedMeridiems(
            input.replacingOccurrences(",", with: " ").split(separator: " ").map(String.init)
                .filter { !fillers.contains($0) })
        guard !words.isEmpty else { throw .invalidSyntax(text) }
        if let numeric = words.first(where: isNumericDate) { throw .unreadable(text, advice: advice(numeric)) }
        var clock: ClockTime?
        var dayWords: [String] = []
        for word in words {
            guard let read = try ClockTime.read(word, in: text) else {
                dayWords.append(word)
                continue
            }
            guard clock == nil else { throw .unreadable(text, advice: "it names two times of day; give one") }
            clock = read
        }
        if dayWords.isEmpty { return TimePhrase(day: nil, clock: clock) }
        if let day = try DayPhrase.read(dayWords, in: text) { return TimePhrase(day: day, clock: clock) }
        // `tomorrow 9`: a bare hour after a day.
        if clock == nil, dayWords.count > 1, let hour = ClockTime.wholeHour(dayWords.last!),
            let day = try DayPhrase.read(Array(dayWords.dropLast()), in: text)
        {
            return TimePhrase(day: day, clock: hour)
        }
        throw unknown(dayWords, clock: clock, text: text)
    }

    /// `3 pm` as `3pm`.
    private static func joinedMeridiems(_ words: [String]) -> [String] {
        var joined: [String] = []
        for word in words {
            if ["am", "pm", "a.m.", "p.m."].contains(word), let last = joined.last,
                last.allSatisfy({ $0.isASCIIDigit || $0 == ":" })
            {
                joined[joined.count - 1] = last + word
            } else {
                joined.append(word)
            }
        }
        return joined
    }

    /// `10/12/2026`, `10/12`, `10.12.2026`: day and month in an order that differs by country.
    private static func isNumericDate(_ word: String) -> Bool {
        for separator in ["/", "."] as [Character] {
            let parts = word.split(separator: separator, omittingEmptySubsequences: false)
            if (separator == "/" ? 2...3 : 3...3).contains(parts.count),
                parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) })
            {
                return true
            }
        }
        return false
    }

    /// Why `10/12/2026` is refused, with both readings when both are dates.
    private static func advice(_ numeric: String) -> String {
        let parts = numeric.split(whereSeparator: { $0 == "/" || $0 == "." }).compactMap { Int($0) }
        if parts.count == 3, parts[0] >= 1000 {
            return "write dates with dashes: \(LocalDate(year: parts[0], month: parts[1], day: parts[2]))"
        }
        let year = parts.count == 3 ? parts[2] : nil
        func written(day: Int, month: Int) -> String? {
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            let name = DayPhrase.monthNames[month - 1]
            return year.map { "\(LocalDate(year: $0, month: month, day: day))" }
                ?? "\(day) \(name.prefix(1).uppercased() + name.dropFirst().prefix(2))"
        }
        let choice = Set(
            [written(day: parts[0], month: parts[1]), written(day: parts[1], month: parts[0])]
                .compactMap { $0 }
        ).sorted()
        guard !choice.isEmpty else { return "'\(numeric)' is no date in either order: write 2026-12-10 or Dec 10" }
        let suggestion = choice.joined(separator: " or ")
        return choice.count == 2
            ? "'\(numeric)' is a different day in different countries: write \(suggestion)"
            : "day and month come in different orders in different countries: write \(suggestion)"
    }

    /// The advice for day words that name no day.
    private static func unknown(_ words: [String], clock: ClockTime?, text: String) -> TimeExpressionError {
        if words.count == 1, let number = Int(words[0]), clock == nil, (0...23).contains(number) {
            return .unreadable(
                text, advice: "a bare \(number) could be any hour: write \(number):00, \(number)am or \(number)pm")
        }
        if words.contains("next"), !words.contains(where: { DayPhrase.weekday($0) != nil }) {
            return .unreadable(text, advice: "'next' goes with a weekday: next thu 15:00")
        }
        if words.count == 2, DayPhrase.weekday(words[0]) != nil || DayPhrase.weekday(words[1]) != nil {
            return .unreadable(text, advice: "write one day and one time of day: thu 15:00, next thu 3pm")
        }
        if let stray = words.first(where: { word in
            word.first?.isLetter == true && DayPhrase.month(word) == nil && DayPhrase.weekday(word) == nil
                && !["today", "tomorrow", "yesterday", "next", "this"].contains(word)
        }) {
            return .unreadable(
                text,
                advice: "'\(stray)' is not a day, month or time mentord knows (try thu 15:00, Dec 10 15:00, in 2h)")
        }
        return .invalidSyntax(text)
    }
}

extension String {
    /// Every `target` replaced by `replacement`, without Foundation's version of it.
    fileprivate func replacingOccurrences(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
