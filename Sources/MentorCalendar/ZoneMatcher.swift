import Foundation
import MentorCore

/// Finds the IANA zone a file's own `VTIMEZONE` stands for, so that a meeting arranged in Outlook's
/// "Customized Time Zone" keeps a zone by name: a meeting's zone must survive a restart, and the
/// customized zones Outlook writes are copies of real ones.
///
/// Two zones match when their offsets agree at `from`, at every change of either before `until`, and
/// just before each: offsets are step functions, so that is agreement at every instant between.
public struct ZoneMatcher: Sendable {
    /// Tried first, in this order: the user's zone (a customized zone is most often the user's own),
    /// then the zones CLDR's Windows table names (one per region), then every other, by name.
    let candidates: [String]
    let from: Date
    let until: Date

    /// Matches over five years from `from`, preferring `userZone`.
    public init(userZone: TimeZone, from: Date, years: Int = 5) {
        let preferred = [userZone.identifier] + Set(WindowsZones.iana.values).sorted()
        let others = Set(TimeZone.knownTimeZoneIdentifiers).subtracting(preferred).sorted()
        candidates = preferred + others
        self.from = from
        until = from.addingTimeInterval(TimeInterval(years) * 365.25 * 86_400)
    }

    /// The first IANA zone whose offsets are `zone`'s over the years matched, or nil.
    public func zone(matching zone: DefinedTimeZone) -> TimeZone? {
        let own = zone.transitions.map { Date(timeIntervalSince1970: $0.instant) }.filter { $0 > from && $0 < until }
        for identifier in candidates {
            guard let candidate = TimeZone(identifier: identifier),
                candidate.secondsFromGMT(for: from) == zone.secondsFromGMT(for: from),
                agree(candidate, zone, at: own)
            else { continue }
            var changes: [Date] = []
            var instant = from
            while let next = candidate.nextDaylightSavingTimeTransition(after: instant), next < until {
                changes.append(next)
                instant = next
            }
            if agree(candidate, zone, at: changes) { return candidate }
        }
        return nil
    }

    private func agree(_ candidate: TimeZone, _ zone: DefinedTimeZone, at instants: [Date]) -> Bool {
        instants.allSatisfy { instant in
            [instant, instant.addingTimeInterval(-1)].allSatisfy {
                candidate.secondsFromGMT(for: $0) == zone.secondsFromGMT(for: $0)
            }
        }
    }
}
