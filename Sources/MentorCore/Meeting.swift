import Foundation

/// One mentoring meeting as stored.
///
/// The start is an instant (UTC); `timeZone` is the IANA zone the meeting was arranged in, which is
/// where local times (the prep hour, recurrence) are computed. Both are needed: the instant alone
/// loses "15:00 in Berlin" across a DST change, the local time alone is ambiguous.
public struct Meeting: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var relationship: Relationship
    public var title: String
    public var start: Date
    public var timeZone: TimeZone
    /// Length of the meeting in whole seconds.
    public var durationSeconds: Int
    public var purpose: String
    public var status: MeetingStatus
    /// The rule repeating the meeting; nil for a single meeting. Occurrences keep `start`'s local
    /// wall time in `timeZone`.
    public var recurrence: Recurrence?
    /// Changed occurrences of a series: original start -> new start, or nil when cancelled.
    public var exceptions: [Date: Date?] = [:]
    /// Extra occurrences of a series besides those its rule gives (a calendar's `RDATE`), as original
    /// starts: an exception can move or cancel them like any other.
    public var additions: [Date] = []
    /// Occurrences of a series with a title or length of their own, by original start.
    public var occurrenceOverrides: [Date: OccurrenceOverride] = [:]
    /// Per-step offsets that replace the global policy for this meeting (nil turns a step off).
    public var reminderOverrides: [Step: Int?]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64, relationship: Relationship, title: String, start: Date, timeZone: TimeZone,
        durationSeconds: Int, purpose: String, status: MeetingStatus, recurrence: Recurrence? = nil,
        reminderOverrides: [Step: Int?] = [:],
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.relationship = relationship
        self.title = title
        self.start = start
        self.timeZone = timeZone
        self.durationSeconds = durationSeconds
        self.purpose = purpose
        self.status = status
        self.recurrence = recurrence
        self.reminderOverrides = reminderOverrides
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The instant the meeting ends.
    public var end: Date { start.addingTimeInterval(TimeInterval(durationSeconds)) }

    /// Starts of the occurrences between `from` and `through` (just `start` for a single meeting),
    /// with cancelled occurrences left out and moved ones at their new time.
    ///
    /// Every instant is on a whole millisecond, as the store keeps them: an occurrence is a key
    /// (of the ledger, answers, captures), and calendar arithmetic can land a fraction of a
    /// millisecond off the stored value, which would split one occurrence into two keys.
    public func occurrences(from: Date, through: Date, limit: Int = 100) -> [Date] {
        guard let recurrence else { return start >= from && start <= through ? [start] : [] }
        guard !exceptions.isEmpty || !additions.isEmpty else {
            return recurrence.occurrences(startingAt: start, in: timeZone, from: from, through: through, limit: limit)
                .map(\.roundedToMilliseconds)
        }
        // A moved occurrence may come from outside the window; look as far as any move reaches.
        let reach =
            exceptions.compactMap { original, moved in moved.map { abs($0.timeIntervalSince(original)) } }.max() ?? 0
        let wideFrom = from.addingTimeInterval(-reach)
        let wideThrough = through.addingTimeInterval(reach)
        var originals = recurrence.occurrences(
            startingAt: start, in: timeZone, from: wideFrom, through: wideThrough,
            limit: limit + exceptions.count
        ).map(\.roundedToMilliseconds)
        if !additions.isEmpty {
            // An addition the rule also gives is one occurrence (RFC 5545's recurrence set).
            let extra = additions.filter { $0 >= wideFrom && $0 <= wideThrough }.map(\.roundedToMilliseconds)
            originals = Array(Set(originals + extra)).sorted()
        }
        let actual = originals.compactMap { original in exceptions[original] ?? original }
        return Array(actual.filter { $0 >= from && $0 <= through }.sorted().prefix(limit))
    }

    /// What the occurrence now starting at `start` has of its own (title, length), if anything.
    public func override(ofOccurrenceAt start: Date) -> OccurrenceOverride? {
        guard !occurrenceOverrides.isEmpty else { return nil }
        let key = start.millisecondsSince1970
        for (original, override) in occurrenceOverrides {
            // A cancelled occurrence starts nowhere.
            let actual: Date? = if let moved = exceptions[original] { moved } else { original }
            if actual?.millisecondsSince1970 == key { return override }
        }
        return nil
    }

    /// The title of the occurrence starting at `start`: its own, else the meeting's.
    public func title(ofOccurrenceAt start: Date) -> String {
        override(ofOccurrenceAt: start)?.title ?? title
    }

    /// The length in seconds of the occurrence starting at `start`: its own, else the meeting's.
    public func durationSeconds(ofOccurrenceAt start: Date) -> Int {
        override(ofOccurrenceAt: start)?.durationSeconds ?? durationSeconds
    }

    /// The longest any occurrence lasts, for windows that must hold every occurrence still running.
    public var longestDurationSeconds: Int {
        occurrenceOverrides.values.compactMap(\.durationSeconds).reduce(durationSeconds, max)
    }

    /// Whether an occurrence starts at `instant`, to the millisecond: at its actual start, so a moved
    /// one where it went and a cancelled one not at all. What is keyed by an occurrence (answers, a
    /// capture, the ledger) is keyed so.
    public func hasOccurrence(at instant: Date) -> Bool {
        occurrences(from: instant.addingTimeInterval(-0.001), through: instant.addingTimeInterval(0.001), limit: 2)
            .contains { $0.millisecondsSince1970 == instant.millisecondsSince1970 }
    }

    /// The original start (as the rule generates it) of the occurrence now starting at `instant`:
    /// itself unless it was moved there; nil if no occurrence starts then.
    public func originalOccurrence(at instant: Date) -> Date? {
        if recurrence != nil,
            let moved = exceptions.first(where: { $0.value?.millisecondsSince1970 == instant.millisecondsSince1970 })
        {
            return moved.key
        }
        return isScheduledOccurrence(instant) ? instant : nil
    }

    /// Whether `instant` is an occurrence of the series as its rule and additions give it (moves ignored).
    public func isScheduledOccurrence(_ instant: Date) -> Bool {
        guard let recurrence else { return abs(instant.timeIntervalSince(start)) < 0.0005 }
        // Calendar arithmetic can land a fraction of a millisecond off the stored instant.
        if additions.contains(where: { abs($0.timeIntervalSince(instant)) < 0.0005 }) { return true }
        let near = recurrence.occurrences(
            startingAt: start, in: timeZone, from: instant.addingTimeInterval(-0.001),
            through: instant.addingTimeInterval(0.001), limit: 2)
        return near.contains { abs($0.timeIntervalSince(instant)) < 0.0005 }
    }
}
