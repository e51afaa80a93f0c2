import Foundation
import MentorCore
import MentorTestSupport

/// Seeded random series as providers write them, for the differential test: every supported rule part,
/// zones with DST gaps and overlaps (Berlin, New York, Lord Howe's 30 minutes, Apia's DST years), Windows
/// names, floating, UTC and Google's X-WR-TIMEZONE; EXDATE (several per line and several lines, zoned
/// and UTC), RDATE, and overrides that move, retitle or cancel an occurrence.
///
/// What RFC 5545 leaves undefined or where implementations legitimately disagree (docs/calendar.md) is
/// not generated: a DTSTART the rule does not generate, a DTSTART in a DST gap, plain and ordinal BYDAY
/// mixed, DATE and local UNTIL on a zoned series, Apia's skipped day, a weekly BYSETPOS other than the
/// first or last of the week.
struct SeriesGenerator {
    /// One written series and the window to compare it over.
    struct Series {
        var text: String
        var from: Date
        var to: Date
        var rule: String
        var zone: String
    }

    /// How a series writes its times.
    enum Style: CaseIterable {
        case zoned
        case windows
        case floating
        case utc
        case google
    }

    static let floatingZone = TimeZone(identifier: "America/New_York")!
    static let windowsNames = ["W. Europe Standard Time": "Europe/Berlin", "Eastern Standard Time": "America/New_York"]
    static let zoneNames = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia"]
    static let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func number(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    mutating func pick<T>(_ options: [T]) -> T { options[number(0...(options.count - 1))] }

    mutating func chance(_ percent: Int) -> Bool { number(0...99) < percent }

    /// A rule without its end, as text.
    mutating func rule() -> String {
        let frequency = pick(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"])
        var parts = ["FREQ=" + frequency]
        if chance(40) { parts.append("INTERVAL=\(pick([2, 3, 4]))") }
        let days = { (generator: inout SeriesGenerator, count: Int) -> String in
            Array(Set((0..<count).map { _ in generator.pick(Self.weekdays) })).sorted().joined(separator: ",")
        }
        let monthDays = { (generator: inout SeriesGenerator) -> String in
            Array(
                Set(
                    (0..<generator.number(1...3)).map { _ in generator.pick([1, 2, 13, 15, 28, 29, 30, 31, -1, -2, -7])
                    })
            )
            .map(String.init).joined(separator: ",")
        }
        let months = { (generator: inout SeriesGenerator) -> String in
            Array(Set((0..<generator.number(1...3)).map { _ in generator.number(1...12) })).map(String.init)
                .joined(separator: ",")
        }
        switch frequency {
        case "DAILY":
            if chance(40) { parts.append("BYDAY=" + days(&self, number(1...5))) }
            if chance(20) { parts.append("BYMONTH=" + months(&self)) }
            if chance(15) { parts.append("BYMONTHDAY=" + monthDays(&self)) }
        case "WEEKLY":
            if chance(70) { parts.append("BYDAY=" + days(&self, number(1...3))) }
            if chance(50) { parts.append("WKST=" + pick(["SU", "MO", "SA", "WE"])) }
            if chance(10) { parts.append("BYMONTH=" + months(&self)) }
            if chance(15) && parts.contains(where: { $0.hasPrefix("BYDAY") }) {
                // Only the first or last: dateutil counts a first week's positions from DTSTART on.
                parts.append("BYSETPOS=" + pick(["1", "-1"]))
            }
        case "MONTHLY":
            switch number(0...5) {
            case 0: break
            case 1: parts.append("BYMONTHDAY=" + monthDays(&self))
            case 2: parts.append("BYDAY=" + pick(["1", "2", "3", "4", "-1", "-2", "5"]) + pick(Self.weekdays))
            case 3:
                parts.append("BYDAY=" + pick(["MO,TU,WE,TH,FR", "SA,SU", pick(Self.weekdays)]))
                parts.append("BYSETPOS=" + pick(["1", "2", "-1", "3", "-2", "1,-1"]))
            case 4:
                parts.append(
                    "BYDAY=" + days(&self, 1) + ";BYMONTHDAY=" + pick(["1,2,3,4,5,6,7", "8,9,10,11,12,13,14"]))
            default: parts.append("BYDAY=1" + pick(Self.weekdays) + ",-1" + pick(Self.weekdays))
            }
            if chance(15) { parts.append("BYMONTH=" + months(&self)) }
            if chance(30) { parts.append("WKST=SU") }
        default:
            switch number(0...5) {
            case 0: break
            case 1:
                parts.append(
                    "BYMONTH=" + months(&self) + ";BYDAY=" + pick(["1", "2", "-1", "4"]) + pick(Self.weekdays))
            case 2: parts.append("BYMONTH=" + months(&self) + ";BYMONTHDAY=" + monthDays(&self))
            case 3: parts.append("BYDAY=" + pick(["1", "20", "-1", "10", "53"]) + pick(Self.weekdays))
            case 4:
                parts.append("BYMONTH=" + months(&self) + ";BYDAY=" + pick(["MO,TU,WE,TH,FR", pick(Self.weekdays)]))
                parts.append("BYSETPOS=" + pick(["1", "-1", "2"]))
            default: parts.append("BYMONTH=" + months(&self))
            }
        }
        return parts.joined(separator: ";")
    }
}
