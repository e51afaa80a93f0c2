import Foundation

extension ZoneRules {
    /// The wall time at `instant`, to the millisecond.
    public func localTime(at instant: Date) -> LocalDateTime {
        LocalDateTime(instant, offset: secondsFromGMT(for: instant))
    }

    /// The instant `local` denotes here; nil when it falls in a gap (clocks jumped over it). A wall
    /// time that occurs twice (clocks went back) means the earlier instant, as
    /// ``LocalDateTime/instant(in:)`` takes it.
    public func instant(of local: LocalDateTime) -> Date? {
        let wall = local.wallSeconds
        // Each offset in force around this wall time (before and after any change near it) gives one
        // candidate; it counts if the zone has that offset at the candidate itself. Far from a change
        // (the common case) all three agree, and the one candidate is the answer.
        let offsets = [wall - 2 * 86_400, wall, wall + 2 * 86_400].map { probe in
            Int64(secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(probe))))
        }
        var earliest: Int64?
        if offsets.allSatisfy({ $0 == offsets[1] }) {
            earliest = wall - offsets[1]
        } else {
            for offset in Set(offsets) {
                let candidate = wall - offset
                guard Int64(secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(candidate)))) == offset
                else { continue }
                earliest = min(earliest ?? candidate, candidate)
            }
        }
        return earliest.map { Date(millisecondsSince1970: $0 * 1000 + Int64(local.millisecond)) }
    }

    /// The instant `local` denotes here, moved forward by the length of a gap it falls into: 02:30 on
    /// Berlin's spring-forward day is 03:30 local, the moment the clock would have shown 02:30 had it not
    /// jumped. This is what a recurring meeting does on such a day, and what RFC 5545 readers do.
    public func resolve(_ local: LocalDateTime) -> Date {
        // The offset in force a day before is the one before the jump: no zone changes its clocks twice
        // within a day.
        instant(of: local)
            ?? local.instant(
                offset: secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local.wallSeconds - 86_400))))
    }
}
