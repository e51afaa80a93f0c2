import Foundation
import MentorCore

extension SeriesGenerator {
    /// A random series written as a calendar file, or nil when the draw was unusable (a rule that never
    /// matches near the start, a start in a DST gap); the caller draws again.
    mutating func series(_ index: Int) -> Series? {
        let style = pick(Style.allCases)
        let zoneName: String
        var tzid: String?
        switch style {
        case .zoned:
            zoneName = pick(Self.zoneNames)
            tzid = zoneName
        case .windows:
            let windows = pick(Self.windowsNames.keys.sorted())
            zoneName = Self.windowsNames[windows]!
            tzid = windows
        case .floating: zoneName = Self.floatingZone.identifier
        case .utc: zoneName = "UTC"
        case .google: zoneName = pick(["Europe/Berlin", "America/New_York"])
        }
        let zone = TimeZone(identifier: zoneName)!
        let ruleText = rule()
        guard let recurrence = try? Recurrence.parse(ruleText) else { return nil }
        // Apia kept DST from 2010 to 2021; its skipped day (2011-12-30) is left out (docs/calendar.md).
        let year = zoneName == "Pacific/Apia" ? number(2013...2016) : number(2025...2027)
        let anchor = LocalDateTime(
            year: year, month: number(1...12), day: number(1...28),
            hour: chance(35) ? number(0...3) : number(7...20), minute: pick([0, 15, 30, 45]))
        guard let anchorInstant = zone.instant(of: anchor),
            let first = recurrence.occurrences(
                startingAt: anchorInstant, in: zone, from: anchorInstant.addingTimeInterval(0.001),
                through: anchorInstant.addingTimeInterval(3 * 366 * 86_400), limit: 1
            ).first
        else { return nil }
        let wall = zone.localTime(at: first)
        guard (wall.hour, wall.minute) == (anchor.hour, anchor.minute) else { return nil }
        let duration = pick([1800, 2700, 3600, 5400])
        // A first occurrence across a DST change has a wall-clock length that is not its elapsed length.
        guard zone.secondsFromGMT(for: first) == zone.secondsFromGMT(for: first.addingTimeInterval(Double(duration)))
        else { return nil }

        let from = LocalDateTime(year: wall.year, month: 1, day: 1, hour: 0, minute: 0).instant(offset: 0)
        let to = LocalDateTime(year: wall.year + 4, month: 1, day: 1, hour: 0, minute: 0).instant(offset: 0)
        var fullRule = ruleText
        switch number(0...2) {
        case 0: break
        case 1: fullRule += ";COUNT=\(number(1...40))"
        default:
            let later = recurrence.occurrences(
                startingAt: first, in: zone, from: first, through: to, limit: number(1...30))
            let until = later.last!.addingTimeInterval(chance(50) ? 0 : 3600)
            fullRule += ";UNTIL=" + (style == .floating ? digits(zone.localTime(at: until)) : utc(until))
        }
        guard let full = try? Recurrence.parse(fullRule) else { return nil }
        let occurrences = full.occurrences(startingAt: first, in: zone, from: first, through: to, limit: 400)

        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mentord tests//differential//EN"]
        if style == .google { lines += ["X-WR-CALNAME:Generated \(index)", "X-WR-TIMEZONE:" + zoneName] }
        let uid = "series-\(index)@mentord.test"
        func time(_ name: String, _ instant: Date, utcAllowed: Bool = false) -> String {
            switch style {
            case .zoned, .windows:
                return utcAllowed && chance(30)
                    ? name + ":" + utc(instant) : name + ";TZID=" + tzid! + ":" + digits(zone.localTime(at: instant))
            case .floating: return name + ":" + digits(zone.localTime(at: instant))
            case .utc: return name + ":" + utc(instant)
            case .google:
                return utcAllowed && chance(50)
                    ? name + ";TZID=" + zoneName + ":" + digits(zone.localTime(at: instant)) : name + ":" + utc(instant)
            }
        }
        lines += ["BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20260101T000000Z", time("DTSTART", first)]
        lines.append(
            chance(50)
                ? time("DTEND", first.addingTimeInterval(Double(duration))) : "DURATION:PT\(duration / 60)M")
        lines += ["RRULE:" + fullRule, "SUMMARY:Series \(index)"]
        if chance(15) { lines.append("STATUS:TENTATIVE") }
        if occurrences.count > 2 && chance(40) {
            // Several per line and several lines, as Outlook and Google write them.
            let excluded = (0..<number(1...4)).map { _ in pick(Array(occurrences.dropFirst())) }
            let split = number(0...excluded.count)
            for group in [excluded.prefix(split), excluded.dropFirst(split)] where !group.isEmpty {
                let form = time("EXDATE", group.first!, utcAllowed: true)
                let prefix = form.prefix { $0 != ":" }
                let zoned = prefix.contains("TZID")
                lines.append(
                    prefix + ":"
                        + group.map { zoned ? digits(zone.localTime(at: $0)) : stamp($0, style: style, zone: zone) }
                        .joined(separator: ","))
            }
        }
        if chance(20) {
            let extra = first.addingTimeInterval(Double(number(1...200)) * 86_400 + Double(number(0...3)) * 3600)
            lines.append(time("RDATE", extra, utcAllowed: true))
        }
        lines.append("END:VEVENT")
        if occurrences.count > 1 && chance(45) {
            var overridden: Set<Date> = []
            for step in 0..<number(1...3) {
                let original = pick(Array(occurrences))
                guard overridden.insert(original).inserted else { continue }
                lines += [
                    "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20260101T000000Z",
                    time("RECURRENCE-ID", original, utcAllowed: true),
                ]
                let shifts: [Int] = [0, -172_800, -10_800, 3600, 93_600, 604_800]
                let moved = original.addingTimeInterval(Double(pick(shifts)))
                lines += [
                    time("DTSTART", moved), "DURATION:PT\(pick([30, 60, 75]))M", "SUMMARY:Override \(index).\(step)",
                ]
                if chance(30) { lines.append("STATUS:CANCELLED") }
                lines.append("END:VEVENT")
            }
        }
        lines.append("END:VCALENDAR")
        return Series(
            text: lines.joined(separator: "\r\n") + "\r\n", from: from, to: to, rule: fullRule,
            zone: tzid ?? zoneName + (style == .floating ? " (floating)" : ""))
    }

    /// A time for a list whose first item decided the form: local digits or UTC.
    private func stamp(_ instant: Date, style: Style, zone: TimeZone) -> String {
        style == .floating ? digits(zone.localTime(at: instant)) : utc(instant)
    }

    func digits(_ local: LocalDateTime) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return pad(local.year, 4) + pad(local.month, 2) + pad(local.day, 2) + "T" + pad(local.hour, 2)
            + pad(local.minute, 2) + pad(local.second, 2)
    }

    func utc(_ instant: Date) -> String {
        digits(LocalDateTime(instant, offset: 0)) + "Z"
    }
}
