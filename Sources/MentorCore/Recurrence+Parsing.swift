import Foundation

extension Recurrence {
    /// RRULE text read part by part, then checked as a whole.
    struct RuleParts {
        let text: String
        var frequency: Frequency?
        var interval = 1
        var byMonth: [Int] = []
        var byDay: [ByDay] = []
        /// The `BYDAY` part as given, for an ordinal that the frequency does not allow.
        var byDayPart = ""
        var byMonthDay: [Int] = []
        var bySetPosition: [Int] = []
        var weekStart = Weekday.monday
        var count: Int?
        var until: End?

        init(text: String) {
            self.text = text
        }

        mutating func read() throws(RecurrenceError) {
            var body = text.trimmingCharacters(in: .whitespaces)
            if body.uppercased().hasPrefix("RRULE:") { body.removeFirst("RRULE:".count) }
            var seen: Set<String> = []
            for rawPart in body.split(separator: ";", omittingEmptySubsequences: false) {
                let part = rawPart.trimmingCharacters(in: .whitespaces)
                let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard halves.count == 2 else { throw .invalidRule(text) }
                let name = halves[0].trimmingCharacters(in: .whitespaces).uppercased()
                let value = halves[1].trimmingCharacters(in: .whitespaces).uppercased()
                // RFC 5545 allows each part once; a second FREQ or COUNT would be a guess either way.
                guard !value.isEmpty, seen.insert(name).inserted else { throw .invalidRule(text) }
                try read(name: name, value: value, part: part)
            }
        }

        private mutating func read(name: String, value: String, part: String) throws(RecurrenceError) {
            switch name {
            case "FREQ":
                if let known = Frequency(rawValue: value) {
                    frequency = known
                } else if ["SECONDLY", "MINUTELY", "HOURLY"].contains(value) {
                    throw .unsupported(part: part)
                } else {
                    throw .invalidRule(text)
                }
            case "INTERVAL": interval = try number(value, in: Recurrence.intervalRange, part: part)
            case "COUNT": count = try number(value, in: Recurrence.countRange, part: part)
            case "BYMONTH":
                byMonth = try list(value) { item throws(RecurrenceError) in
                    try number(item, in: Recurrence.monthRange, part: part)
                }.sorted()
            case "BYDAY":
                byDayPart = part
                byDay = try list(value) { item throws(RecurrenceError) in try parseByDay(item, part: part) }
                    .sorted { ($0.weekday.index, $0.ordinal ?? 0) < ($1.weekday.index, $1.ordinal ?? 0) }
            case "BYMONTHDAY":
                byMonthDay = try list(value) { item throws(RecurrenceError) in
                    try signedNumber(item, magnitudes: Recurrence.monthDayRange, part: part)
                }.sorted()
            case "BYSETPOS":
                bySetPosition = try list(value) { item throws(RecurrenceError) in
                    try signedNumber(item, magnitudes: Recurrence.setPositionRange, part: part)
                }.sorted()
            case "UNTIL": until = try parseUntil(value, part: part)
            case "WKST":
                guard let day = Weekday(rawValue: value) else { throw .invalidRule(text) }
                weekStart = day
            case "BYSECOND", "BYMINUTE", "BYHOUR", "BYYEARDAY", "BYWEEKNO", "RSCALE", "SKIP":
                throw .unsupported(part: part)
            default:
                throw .invalidRule(text)
            }
        }

        /// The rule, once the parts are checked against each other.
        func recurrence() throws(RecurrenceError) -> Recurrence {
            guard let frequency else { throw .invalidRule(text) }
            if count != nil && until != nil { throw .conflicting(text) }
            let ordinals = byDay.compactMap(\.ordinal)
            switch frequency {
            case .daily, .weekly:
                if !ordinals.isEmpty || (frequency == .weekly && !byMonthDay.isEmpty) { throw .conflicting(text) }
            case .monthly:
                if ordinals.contains(where: { !Recurrence.monthlyOrdinalRange.contains(abs($0)) }) {
                    throw .outOfRange(part: byDayPart)
                }
            case .yearly: break
            }
            // RFC 5545 allows BYSETPOS only beside another BY rule part (BYDAY, BYMONTHDAY, BYMONTH here).
            if !bySetPosition.isEmpty && byMonth.isEmpty && byDay.isEmpty && byMonthDay.isEmpty {
                throw .conflicting(text)
            }
            // The week start only moves week boundaries, which only weekly intervals and positions see.
            let weekStartMatters = frequency == .weekly && (interval > 1 || !bySetPosition.isEmpty)
            return Recurrence(
                frequency: frequency, interval: interval, byMonth: byMonth, byDay: byDay, byMonthDay: byMonthDay,
                bySetPosition: bySetPosition, weekStart: weekStartMatters ? weekStart : .monday,
                end: count.map(End.count) ?? until ?? .never)
        }

        /// A comma-separated list, each item read by `item`, duplicates dropped.
        private func list<Item: Hashable>(_ value: String, _ item: (String) throws(RecurrenceError) -> Item)
            throws(RecurrenceError) -> [Item]
        {
            var items: Set<Item> = []
            for text in value.split(separator: ",", omittingEmptySubsequences: false) {
                items.insert(try item(String(text)))
            }
            return Array(items)
        }

        /// An unsigned decimal in `range`; digits outside it (or too many to fit an Int) are out of range.
        private func number(_ value: String, in range: ClosedRange<Int>, part: String) throws(RecurrenceError) -> Int {
            guard !value.isEmpty, value.allSatisfy(\.isASCIIDigit) else { throw .invalidRule(text) }
            guard let number = Int(value), range.contains(number) else { throw .outOfRange(part: part) }
            return number
        }

        /// `n`, `+n` or `-n` with `n` in `magnitudes`.
        private func signedNumber(_ value: String, magnitudes: ClosedRange<Int>, part: String)
            throws(RecurrenceError) -> Int
        {
            let negative = value.hasPrefix("-")
            let unsigned = value.hasPrefix("-") || value.hasPrefix("+") ? String(value.dropFirst()) : value
            let magnitude = try number(unsigned, in: 0...Int.max, part: part)
            guard magnitudes.contains(magnitude) else { throw .outOfRange(part: part) }
            return negative ? -magnitude : magnitude
        }

        /// `MO`, `2TU`, `+1WE`, `-1FR`, `20MO`.
        private func parseByDay(_ item: String, part: String) throws(RecurrenceError) -> ByDay {
            guard let weekday = Weekday(rawValue: String(item.suffix(2))) else { throw .invalidRule(text) }
            let prefix = String(item.dropLast(2))
            guard !prefix.isEmpty else { return ByDay(weekday: weekday) }
            return ByDay(
                weekday: weekday, ordinal: try signedNumber(prefix, magnitudes: Recurrence.ordinalRange, part: part))
        }

        /// `YYYYMMDD` (a date in the meeting's zone), `YYYYMMDDTHHMMSS` (a wall time there) or
        /// `YYYYMMDDTHHMMSSZ` (an instant in UTC).
        private func parseUntil(_ value: String, part: String) throws(RecurrenceError) -> End {
            let characters = Array(value)
            func field(_ range: Range<Int>) -> Int? {
                let slice = characters[range]
                guard slice.allSatisfy(\.isASCIIDigit) else { return nil }
                return Int(String(slice))
            }
            switch characters.count {
            case 8:
                guard let year = field(0..<4), let month = field(4..<6), let day = field(6..<8) else {
                    throw .invalidRule(text)
                }
                guard LocalDateTime(year: year, month: month, day: day, hour: 0, minute: 0).isValid else {
                    throw .outOfRange(part: part)
                }
                return .untilDate(year: year, month: month, day: day)
            case 15, 16:
                guard characters[8] == "T", let year = field(0..<4), let month = field(4..<6), let day = field(6..<8),
                    let hour = field(9..<11), let minute = field(11..<13), let second = field(13..<15)
                else { throw .invalidRule(text) }
                guard characters.count == 15 || characters[15] == "Z" else { throw .invalidRule(text) }
                let local = LocalDateTime(
                    year: year, month: month, day: day, hour: hour, minute: minute, second: second)
                guard local.isValid else { throw .outOfRange(part: part) }
                return characters.count == 15 ? .untilLocal(local) : .until(local.instant(offset: 0))
            default:
                throw .invalidRule(text)
            }
        }
    }
}
