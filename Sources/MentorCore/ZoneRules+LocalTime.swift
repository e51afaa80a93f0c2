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
        let (before, after) = offsetsAround(local)
        // The larger offset gives the earlier instant, which wins when both are valid.
        for offset in [max(before, after), min(before, after)] {
            let candidate = local.instant(offset: offset)
            if secondsFromGMT(for: candidate) == offset { return candidate }
        }
        return nil
    }

    /// The instant `local` denotes here, moved forward by the length of a gap it falls into: 02:30 on
    /// Berlin's spring-forward day is 03:30 local, the moment the clock would have shown 02:30 had it not
    /// jumped. This is what a recurring meeting does on such a day, and what RFC 5545 readers do.
    public func resolve(_ local: LocalDateTime) -> Date {
        instant(of: local) ?? local.instant(offset: offsetsAround(local).before)
    }

    /// The offsets in force a day before and a day after the wall time read as UTC: no zone changes its
    /// clocks twice within two days, so these are the offsets either side of any change near it.
    private func offsetsAround(_ local: LocalDateTime) -> (before: Int, after: Int) {
        let asUTC = local.instant(offset: 0)
        return (
            secondsFromGMT(for: asUTC.addingTimeInterval(-86_400)),
            secondsFromGMT(for: asUTC.addingTimeInterval(86_400))
        )
    }
}
