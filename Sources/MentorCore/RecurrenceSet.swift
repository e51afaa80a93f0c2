import Foundation

/// A series as RFC 5545 defines its recurrence set: the first start, the dates of a rule, extra dates
/// (RDATE), less excluded dates (EXDATE).
///
/// The rule is expanded with its `COUNT` first and the exclusions removed afterwards, so an excluded
/// date still counts toward `COUNT` (RFC 5545 §3.8.5.1). Dates are compared as instants to the
/// millisecond; an extra date equal to a generated one is one occurrence, and an exclusion removes the
/// first start too.
public struct RecurrenceSet: Sendable, Hashable {
    /// The rule, or nil for a start plus extra dates only.
    public var rule: Recurrence?
    /// RDATE: instants added to the series.
    public var additions: [Date]
    /// EXDATE: instants removed from it.
    public var exclusions: [Date]

    public init(rule: Recurrence?, additions: [Date] = [], exclusions: [Date] = []) {
        self.rule = rule
        self.additions = additions
        self.exclusions = exclusions
    }

    /// The occurrences of the series that begins at `first`, expanded in `zone`, between `from` and
    /// `through` inclusive, ascending, at most `limit`.
    public func occurrences(
        startingAt first: Date, in zone: some ZoneRules, from: Date, through: Date, limit: Int = 1000
    ) -> [Date] {
        guard limit > 0, from <= through else { return [] }
        let excluded = Set(exclusions.map(Self.key))
        // Enough generated dates that `limit` survive the exclusions.
        let wanted = limit + min(excluded.count, Int.max - limit)
        let generated =
            rule?.occurrences(startingAt: first, in: zone, from: from, through: through, limit: wanted)
            ?? (from <= first && first <= through ? [first] : [])
        var seen: Set<Int64> = []
        var result: [Date] = []
        for instant in generated + additions.filter({ from <= $0 && $0 <= through }) {
            let key = Self.key(instant)
            if !excluded.contains(key) && seen.insert(key).inserted { result.append(instant) }
        }
        return Array(result.sorted().prefix(limit))
    }

    /// An instant to the millisecond, so arithmetic that lands a fraction off still matches.
    private static func key(_ instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 * 1000).rounded())
    }
}
