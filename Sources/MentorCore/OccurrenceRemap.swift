import Foundation

/// Where the occurrences of a meeting that hold something (a ledger, answers, a capture) go when a
/// calendar changes the meeting's times: the moves to make, in an order that never writes onto an
/// occurrence before its own data has moved away.
///
/// An occurrence keeps its original start when it still has one (an override that moves it, or a
/// series whose rule did not change); otherwise it goes to the occurrence on the same local date,
/// else the nearest within three days. Occurrences that have ended are never remapped: their history
/// stays where it happened.
public enum OccurrenceRemap {
    /// How far a remapped occurrence may be from where it was.
    public static let reach: TimeInterval = 3 * 86_400

    /// The moves for the occurrences of `old` starting at `keys` once the meeting is `new`.
    public static func moves(from old: Meeting, to new: Meeting, keys: [Date], now: Date) -> [(from: Date, to: Date)] {
        let held = Set(keys.map(\.millisecondsSince1970))
        var taken: Set<Int64> = []
        var moves: [(from: Date, to: Date)] = []
        for key in keys.sorted() where old.end(ofOccurrenceAt: key) > now {
            guard let target = target(of: key, from: old, to: new), !taken.contains(target.millisecondsSince1970)
            else { continue }
            taken.insert(target.millisecondsSince1970)
            if target.millisecondsSince1970 != key.millisecondsSince1970 { moves.append((key, target)) }
        }
        // An occurrence that holds data and does not move away keeps it: nothing may land on it.
        let leaving = Set(moves.map(\.from.millisecondsSince1970))
        moves.removeAll { held.contains($0.to.millisecondsSince1970) && !leaving.contains($0.to.millisecondsSince1970) }
        // Later moves first when moving later, earlier first when moving earlier, so a chain of moves
        // in one direction never overwrites an occurrence still to move.
        let later = moves.filter { $0.to > $0.from }.sorted { $0.from > $1.from }
        let earlier = moves.filter { $0.to < $0.from }.sorted { $0.from < $1.from }
        return later + earlier
    }

    /// The occurrence of `new` that the occurrence of `old` starting at `key` becomes, if any.
    static func target(of key: Date, from old: Meeting, to new: Meeting) -> Date? {
        if let original = old.originalOccurrence(at: key), new.isScheduledOccurrence(original) {
            // Cancelled in the new version: its data stays where it was.
            if let moved = new.exceptions[original.roundedToMilliseconds] { return moved }
            return original.roundedToMilliseconds
        }
        let zone = new.timeZone
        let local = zone.localTime(at: key)
        // A day is at most 26 hours long; the date decides.
        let sameDay = new.occurrences(
            from: key.addingTimeInterval(-26 * 3600), through: key.addingTimeInterval(26 * 3600), limit: 64
        ).filter { candidate in
            let other = zone.localTime(at: candidate)
            return (other.year, other.month, other.day) == (local.year, local.month, local.day)
        }
        if let nearest = nearest(sameDay, to: key) { return nearest }
        return nearest(
            new.occurrences(from: key.addingTimeInterval(-reach), through: key.addingTimeInterval(reach), limit: 64),
            to: key)
    }

    private static func nearest(_ candidates: [Date], to key: Date) -> Date? {
        candidates.min { abs($0.timeIntervalSince(key)) < abs($1.timeIntervalSince(key)) }
    }
}
