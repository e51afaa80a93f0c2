import Foundation
import MentorCore

extension EventSeries {
    /// The occurrences that start between `from` and `through` inclusive, by start, at most `limit`:
    /// the master's recurrence set (its start, RRULE and RDATE, less EXDATE, which still counts toward
    /// COUNT), each replaced by its override where there is one. An override whose `RECURRENCE-ID` the
    /// master does not generate, or that has no master, is an occurrence of its own, as calendar apps
    /// show it, unless an EXDATE of the master removes that original start (then the override goes too, as
    /// recurring-ical-events has it). Cancelled occurrences are included, marked ``EventStatus/cancelled``.
    public func occurrences(from: Date, through: Date, limit: Int = 1000) -> [CalendarOccurrence] {
        guard limit > 0, from <= through else { return [] }
        // An override may move an occurrence into the window from outside it, or out of it.
        let reach = overrides.map { abs($0.start.timeIntervalSince($0.recurrenceID!)) }.max() ?? 0
        var generated: [Date] = []
        if let master {
            let wideFrom = from.addingTimeInterval(-reach)
            let wideThrough = through.addingTimeInterval(reach)
            let wanted = limit + min(overrides.count, Int.max - limit)
            generated =
                master.recurrence?.occurrences(
                    startingAt: master.start, in: master.zone, from: wideFrom, through: wideThrough, limit: wanted)
                ?? (wideFrom <= master.start && master.start <= wideThrough ? [master.start] : [])
        }
        let excluded = Set((master?.recurrence?.exclusions ?? []).map(Self.key))
        var byOriginal: [Int64: CalendarEvent] = [:]
        for event in overrides where !excluded.contains(Self.key(event.recurrenceID!)) {
            byOriginal[Self.key(event.recurrenceID!)] = event
        }
        var result: [CalendarOccurrence] = []
        for original in generated {
            if let event = byOriginal.removeValue(forKey: Self.key(original)) {
                result.append(occurrence(of: event, original: original))
            } else if let master {
                result.append(occurrence(of: master, original: original))
            }
        }
        result += byOriginal.values.map { occurrence(of: $0, original: $0.recurrenceID!) }
        return Array(
            result.filter { from <= $0.start && $0.start <= through }.sorted { $0.start < $1.start }.prefix(limit))
    }

    private func occurrence(of event: CalendarEvent, original: Date) -> CalendarOccurrence {
        let cancelled = event.status == .cancelled || master?.status == .cancelled
        return CalendarOccurrence(
            original: original, start: event.recurrenceID == nil ? original : event.start,
            durationSeconds: event.durationSeconds, title: event.summary,
            status: cancelled ? .cancelled : event.status, isOverride: event.recurrenceID != nil)
    }

    /// An instant to the millisecond: RECURRENCE-ID is matched by instant, whatever zone wrote it.
    private static func key(_ instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 * 1000).rounded())
    }
}
