import Foundation

/// One occurrence of a meeting as the scheduler plans it: its start and end, and for a series the
/// moment before which none of its reminders is sent.
public struct ScheduledOccurrence: Sendable, Hashable {
    /// The occurrence's start, on a whole millisecond: the key of its ledger, answers and capture.
    public var start: Date
    public var end: Date
    /// For an occurrence of a series, the end of the series' previous occurrence (PRODUCT rule 2): the
    /// next meeting is prepared once the last one has happened, so what was agreed there can feed
    /// it. Steps due before this come at this instant, as one late card. Nil for a single meeting and
    /// for a series' first occurrence.
    public var notBefore: Date?

    public init(start: Date, end: Date, notBefore: Date? = nil) {
        self.start = start
        self.end = end
        self.notBefore = notBefore
    }

    /// The occurrence's start as the store keys it.
    public var key: Int64 { start.millisecondsSince1970 }
}

extension Meeting {
    /// The occurrences starting between `from` and `through`, each with the moment its reminders may
    /// begin (rule 2).
    public func scheduledOccurrences(from: Date, through: Date, limit: Int = 64) -> [ScheduledOccurrence] {
        let starts = occurrences(from: from, through: through, limit: limit)
        guard recurrence != nil else {
            return starts.map { ScheduledOccurrence(start: $0, end: end(ofOccurrenceAt: $0)) }
        }
        var previousEnd = starts.first.flatMap { occurrence(before: $0) }.map(end(ofOccurrenceAt:))
        return starts.map { start in
            let end = end(ofOccurrenceAt: start)
            defer { previousEnd = end }
            // An occurrence moved to overlap the next one cannot hold that one back past its start.
            return ScheduledOccurrence(start: start, end: end, notBefore: previousEnd.map { min($0, start) })
        }
    }

    /// When the occurrence starting at `start` ends: an override's own length counts.
    public func end(ofOccurrenceAt start: Date) -> Date {
        start + TimeInterval(durationSeconds(ofOccurrenceAt: start))
    }

    /// The last occurrence starting before `instant`, if any.
    public func occurrence(before instant: Date) -> Date? {
        guard recurrence != nil else { return start < instant ? start : nil }
        // Widening windows: a daily series answers from the first, a yearly one within a few.
        var span: TimeInterval = 8 * 86_400
        while span <= 2 * 366 * 86_400 * 400 {
            let found = occurrences(
                from: instant.addingTimeInterval(-span), through: instant.addingTimeInterval(-0.001), limit: 10_000)
            if let last = found.last { return last }
            if instant.addingTimeInterval(-span) < start.addingTimeInterval(-maximumMoveReach) { return nil }
            span *= 8
        }
        return nil
    }

    /// How far any moved occurrence lies from its original start.
    private var maximumMoveReach: TimeInterval {
        exceptions.compactMap { original, moved in moved.map { abs($0.timeIntervalSince(original)) } }.max() ?? 0
    }

    /// The occurrence a command about `step` means when it names none: for the steps before a
    /// meeting, the next one that has not started; for capture, the last one that has ended (the
    /// next one if none has). `lookBack` is how long after its end an occurrence still counts.
    public func currentOccurrence(for step: Step, now: Date, lookBack: TimeInterval) -> Date {
        let nearby = occurrences(
            from: now.addingTimeInterval(-lookBack - TimeInterval(longestDurationSeconds)),
            through: now.addingTimeInterval(400 * 86_400), limit: 64)
        if step.isAfterMeeting, let ended = nearby.last(where: { end(ofOccurrenceAt: $0) <= now }) {
            return ended
        }
        return nearby.first(where: { $0 > now }) ?? nearby.last ?? start
    }
}

extension Meeting {
    /// The occurrence an edit moves, from its start before the edit to its start after: a single
    /// meeting's start; for a series, the first occurrence not yet ended, before and after. Nil when
    /// the edit moves nothing.
    public func shiftedOccurrence(to edited: Meeting, now: Date) -> (from: Date, to: Date)? {
        func current(_ meeting: Meeting) -> Date? {
            guard meeting.recurrence != nil else { return meeting.start }
            return meeting.occurrences(
                from: now.addingTimeInterval(-TimeInterval(meeting.longestDurationSeconds)), through: .distantFuture,
                limit: 4
            ).first { meeting.end(ofOccurrenceAt: $0) >= now }
        }
        guard let from = current(self), let to = current(edited), from != to else { return nil }
        return (from, to)
    }
}
