import Foundation
import MentorCore

/// The dimensions the scheduling sweeps run over: zones with their DST change days, every local
/// hour, and the shapes of meetings people have.
enum SweepFixture {
    /// A zone and three days in 2026: an ordinary one and the two days its clocks change.
    struct ZoneDays: CustomStringConvertible, Sendable {
        var zone: TimeZone
        var days: [(name: String, date: String)]
        var description: String { zone.identifier }
    }

    static let zones: [ZoneDays] = [
        ZoneDays(
            zone: TimeZone(identifier: "Europe/Berlin")!,
            days: [("normal", "2026-06-17"), ("spring forward", "2026-03-29"), ("fall back", "2026-10-25")]),
        ZoneDays(
            zone: TimeZone(identifier: "America/New_York")!,
            days: [("normal", "2026-06-17"), ("spring forward", "2026-03-08"), ("fall back", "2026-11-01")]),
        // Half-hour DST: 02:00 -> 02:30 in October, 02:00 -> 01:30 in April.
        ZoneDays(
            zone: TimeZone(identifier: "Australia/Lord_Howe")!,
            days: [("normal", "2026-06-17"), ("spring forward", "2026-10-04"), ("fall back", "2026-04-05")]),
    ]

    /// How a meeting repeats.
    enum Shape: String, CaseIterable, Sendable {
        case single
        case daily
        case twiceWeekly
        case weekly
    }

    /// One swept case: a meeting of `shape` whose occurrence on `day` starts at `hour` local time.
    struct Case: CustomStringConvertible, Sendable {
        var zone: TimeZone
        var dayName: String
        var day: String
        var hour: Int
        var shape: Shape
        var description: String { "\(zone.identifier) \(dayName) \(day) \(hour):00 \(shape.rawValue)" }
    }

    static func cases(shapes: [Shape] = Shape.allCases) -> [Case] {
        zones.flatMap { zone in
            zone.days.flatMap { day in
                (0..<24).flatMap { hour in
                    shapes.map { Case(zone: zone.zone, dayName: day.name, day: day.date, hour: hour, shape: $0) }
                }
            }
        }
    }

    /// `day` at `hour`:00 local; in a DST gap, the first wall time after it.
    static func instant(_ day: String, hour: Int, in zone: TimeZone) -> Date {
        let local = LocalDateTime(day: day, hour: hour)!
        if let instant = local.instant(in: zone) { return instant }
        var later = local
        later.minute = 30
        return later.instant(in: zone) ?? LocalDateTime(day: day, hour: hour + 1)!.instant(in: zone)!
    }

    /// The meeting of `sweep`: for a series the occurrence on the swept day is the second weekly
    /// one (or the eighth daily one), so the rules for a series' next occurrence are crossed on it.
    static func meeting(_ sweep: Case, id: Int64 = 1, durationSeconds: Int = 3600) -> Meeting {
        let onDay = instant(sweep.day, hour: sweep.hour, in: sweep.zone)
        let recurrence: Recurrence?
        switch sweep.shape {
        case .single: recurrence = nil
        case .daily: recurrence = try! Recurrence.parse("FREQ=DAILY")
        case .weekly: recurrence = try! Recurrence.parse("FREQ=WEEKLY")
        case .twiceWeekly:
            let codes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
            let weekday = Calendar.gregorian(sweep.zone).component(.weekday, from: onDay) - 1
            recurrence = try! Recurrence.parse("FREQ=WEEKLY;BYDAY=\(codes[weekday]),\(codes[(weekday + 3) % 7])")
        }
        let start = recurrence == nil ? onDay : firstOccurrence(onDay, zone: sweep.zone)
        return Meeting(
            id: id, relationship: Relationship(id: 1, partner: "Sam", role: .mentee, createdAt: start),
            title: "Sweep", start: start, timeZone: sweep.zone, durationSeconds: durationSeconds, purpose: "",
            status: .scheduled, recurrence: recurrence, createdAt: start, updatedAt: start)
    }

    /// The same wall time a week before `instant` (a gap moves it forward, as a series would).
    private static func firstOccurrence(_ instant: Date, zone: TimeZone) -> Date {
        var wall = LocalDateTime(instant, in: zone)
        let day = LocalDateTime(Calendar.gregorian(zone).date(byAdding: .day, value: -7, to: instant)!, in: zone)
        (wall.year, wall.month, wall.day) = (day.year, day.month, day.day)
        return wall.instant(in: zone) ?? instant.addingTimeInterval(-7 * 86_400)
    }
}

extension Calendar {
    /// A Gregorian calendar in `zone`.
    static func gregorian(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
