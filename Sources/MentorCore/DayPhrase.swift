/// The day part of a typed time, before it is resolved against a zone and an anchor: `tomorrow`,
/// `thu`, `next thursday`, `2026-12-10`, `Dec 10`, `10 Dec 2026`.
enum DayPhrase: Sendable, Equatable {
    /// `today` (0), `tomorrow` (1), `yesterday` (-1): days after the anchor's day.
    case daysAfterAnchor(Int)
    /// `thu`, `this thursday`: the first such day from the anchor's day on whose time is still ahead.
    case weekday(Int)
    /// `next thu`: the first such day after the anchor's day, never that day itself.
    case nextWeekday(Int)
    /// `2026-12-10`, `10 Dec 2026`.
    case date(LocalDate)
    /// `Dec 10`: the next 10 December whose time is still ahead.
    case monthDay(month: Int, day: Int)

    static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// The day `words` name (lowercased, without filler words); nil when they name none.
    /// - Throws: ``TimeExpressionError/impossibleDate(_:)`` for a well-formed date no calendar has,
    ///   ``TimeExpressionError/unreadable(_:advice:)`` for `next` without a weekday.
    static func read(_ words: [String], in text: String) throws(TimeExpressionError) -> DayPhrase? {
        switch words.count {
        case 1:
            if let offset = ["today": 0, "tomorrow": 1, "yesterday": -1][words[0]] { return .daysAfterAnchor(offset) }
            if let weekday = weekday(words[0]) { return .weekday(weekday) }
            if let date = LocalDate(iso: words[0]) {
                guard date.isValid else { throw .impossibleDate(text) }
                return .date(date)
            }
            return nil
        case 2 where words[0] == "next" || words[0] == "this":
            guard let weekday = weekday(words[1]) else {
                throw .unreadable(text, advice: "'\(words[0])' goes with a weekday: \(words[0]) thu 15:00")
            }
            return words[0] == "next" ? .nextWeekday(weekday) : .weekday(weekday)
        case 2, 3:
            return try monthAndDay(words, in: text)
        default:
            return nil
        }
    }

    /// `Dec 10`, `10 Dec`, `December 10th`, with an optional four-digit year after them.
    private static func monthAndDay(_ words: [String], in text: String) throws(TimeExpressionError) -> DayPhrase? {
        let monthFirst = month(words[0]) != nil
        guard let month = month(words[monthFirst ? 0 : 1]), let day = dayOfMonth(words[monthFirst ? 1 : 0]) else {
            return nil
        }
        guard words.count == 3 else {
            guard day <= LocalDateTime.daysIn(month: month, year: 2000) else { throw .impossibleDate(text) }
            return .monthDay(month: month, day: day)
        }
        guard words[2].count == 4, words[2].allSatisfy(\.isASCIIDigit), let year = Int(words[2]) else { return nil }
        let date = LocalDate(year: year, month: month, day: day)
        guard date.isValid else { throw .impossibleDate(text) }
        return .date(date)
    }

    /// Sunday as 1 ... Saturday as 7, from a name or its first three letters or more.
    static func weekday(_ word: String) -> Int? {
        guard word.count >= 3, let index = weekdayNames.firstIndex(where: { $0.hasPrefix(word) }) else { return nil }
        return index + 1
    }

    /// January as 1 ... December as 12, from a name or its first three letters or more.
    static func month(_ word: String) -> Int? {
        let word = word.hasSuffix(".") ? String(word.dropLast()) : word
        guard word.count >= 3, let index = monthNames.firstIndex(where: { $0.hasPrefix(word) }) else { return nil }
        return index + 1
    }

    /// `10`, `10th`, `1st`: 1 to 31.
    private static func dayOfMonth(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let day = Int(digits),
            (1...31).contains(day)
        else { return nil }
        return day
    }
}
