/// A POSIX `TZ` rule such as `CET-1CEST,M3.5.0,M10.5.0/3`: a standard offset and, optionally, a
/// daylight-saving offset with the rules for when it starts and ends each year.
///
/// TZif files end with one (RFC 8536, section 3.3) for the instants after their last transition,
/// and `TZ` may hold one directly. Offsets here are seconds east of UTC; POSIX writes them west.
public struct PosixZoneRule: Sendable, Equatable {
    /// The standard time's offset, seconds east of UTC.
    public var standardOffset: Int
    /// Daylight-saving time's offset and when it applies; nil for a zone without it.
    public var daylight: Daylight?

    /// Daylight-saving time: its offset and the local times it starts and ends at.
    public struct Daylight: Sendable, Equatable {
        public var offset: Int
        public var start: Transition
        public var end: Transition
    }

    /// A yearly transition: a day of the year and the local wall time (seconds, may be negative
    /// or past 24 hours) at which it happens.
    public struct Transition: Sendable, Equatable {
        /// `Jn`: day 1 to 365, the 29th of February never counted.
        /// `n`: day 0 to 365, counted from 1 January.
        /// `Mm.w.d`: weekday `d` (0 is Sunday) of week `w` (5: the last) of month `m`.
        public enum Day: Sendable, Equatable {
            case julian(Int)
            case zeroBased(Int)
            case monthWeekDay(month: Int, week: Int, weekday: Int)
        }
        public var day: Day
        public var time: Int
    }

    /// The rule `text` writes; nil when it is not a POSIX TZ rule.
    public init?(_ text: String) {
        var scanner = Scanner(Array(text.utf8))
        guard scanner.name() != nil, let standard = scanner.offset() else { return nil }
        standardOffset = -standard
        if scanner.atEnd {
            daylight = nil
            return
        }
        guard scanner.name() != nil else { return nil }
        var daylightOffset = standardOffset + 3600
        if !scanner.atEnd, !scanner.peek(",") {
            guard let written = scanner.offset() else { return nil }
            daylightOffset = -written
        }
        // Without rules, POSIX leaves the dates to the system; glibc takes the US rules.
        var rules = scanner.atEnd ? Scanner(Array(",M3.2.0,M11.1.0".utf8)) : scanner
        guard rules.skip(","), let start = rules.transition(), rules.skip(","), let end = rules.transition(),
            rules.atEnd
        else { return nil }
        daylight = Daylight(offset: daylightOffset, start: start, end: end)
    }

    /// The offset in force at `epochSeconds`.
    public func offset(at epochSeconds: Int64) -> Int {
        guard let daylight else { return standardOffset }
        // The year as standard time has it; transitions are computed for it and its neighbours,
        // so an instant near New Year's sees the right ones.
        let year = UTCTimestamp.civilFromDays(UTCTimestamp.floorDivide(epochSeconds + Int64(standardOffset), 86_400))
            .year
        var latest: (instant: Int64, offset: Int)?
        for candidate in year - 1...year + 1 {
            // A start is written in standard time, an end in daylight time.
            let start = daylight.start.instant(in: candidate) - Int64(standardOffset)
            let end = daylight.end.instant(in: candidate) - Int64(daylight.offset)
            for (instant, offset) in [(start, daylight.offset), (end, standardOffset)]
            where instant <= epochSeconds && instant > (latest?.instant ?? .min) {
                latest = (instant, offset)
            }
        }
        return latest?.offset ?? standardOffset
    }
}

extension PosixZoneRule.Transition {
    /// Seconds since the epoch of this transition's local wall time in `year`, read as UTC.
    func instant(in year: Int64) -> Int64 {
        let firstOfYear = UTCTimestamp.daysFromCivil(year: year, month: 1, day: 1)
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days: Int64
        switch day {
        case .julian(let n): days = firstOfYear + Int64(n - 1) + (leap && n >= 60 ? 1 : 0)
        case .zeroBased(let n): days = firstOfYear + Int64(n)
        case .monthWeekDay(let month, let week, let weekday):
            let first = UTCTimestamp.daysFromCivil(year: year, month: Int64(month), day: 1)
            // 1970-01-01 was a Thursday (4).
            let firstWeekday = ((first % 7) + 11) % 7
            var day = first + (Int64(weekday) - firstWeekday + 7) % 7 + Int64(week - 1) * 7
            let nextMonth =
                month == 12
                ? UTCTimestamp.daysFromCivil(year: year + 1, month: 1, day: 1)
                : UTCTimestamp.daysFromCivil(year: year, month: Int64(month) + 1, day: 1)
            while day >= nextMonth { day -= 7 }
            days = day
        }
        return days * 86_400 + Int64(time)
    }
}

/// Reads the parts of a POSIX TZ rule from its bytes.
private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    func peek(_ character: Character) -> Bool {
        !atEnd && bytes[index] == character.asciiValue
    }

    mutating func skip(_ character: Character) -> Bool {
        guard peek(character) else { return false }
        index += 1
        return true
    }

    /// `CET`, or a quoted `<+0545>`: at least three characters.
    mutating func name() -> String? {
        let start = index
        if skip("<") {
            while !atEnd, bytes[index] != UInt8(ascii: ">") { index += 1 }
            guard skip(">"), index - start >= 5 else { return nil }
            return String(decoding: bytes[start + 1..<index - 1], as: UTF8.self)
        }
        while !atEnd, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[index] & ~0x20) { index += 1 }
        return index - start >= 3 ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, as written (POSIX: positive west of Greenwich).
    mutating func offset() -> Int? {
        var sign = 1
        if skip("-") { sign = -1 } else { _ = skip("+") }
        guard let hours = number(), hours <= 167 else { return nil }
        var seconds = hours * 3600
        for unit in [60, 1] {
            guard skip(":") else { break }
            guard let part = number(), part < 60 else { return nil }
            seconds += part * unit
        }
        return sign * seconds
    }

    /// `Jn`, `n` or `Mm.w.d`, then an optional `/time` (default 02:00).
    mutating func transition() -> PosixZoneRule.Transition? {
        let day: PosixZoneRule.Transition.Day
        if skip("J") {
            guard let n = number(), (1...365).contains(n) else { return nil }
            day = .julian(n)
        } else if skip("M") {
            guard let month = number(), (1...12).contains(month), skip("."), let week = number(),
                (1...5).contains(week),
                skip("."), let weekday = number(), (0...6).contains(weekday)
            else { return nil }
            day = .monthWeekDay(month: month, week: week, weekday: weekday)
        } else {
            guard let n = number(), (0...365).contains(n) else { return nil }
            day = .zeroBased(n)
        }
        var time = 7200
        if skip("/") {
            guard let written = offset() else { return nil }
            time = written
        }
        return PosixZoneRule.Transition(day: day, time: time)
    }

    private mutating func number() -> Int? {
        let start = index
        while !atEnd, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), index - start < 4 {
            index += 1
        }
        guard index > start else { return nil }
        return Int(String(decoding: bytes[start..<index], as: UTF8.self))
    }
}
