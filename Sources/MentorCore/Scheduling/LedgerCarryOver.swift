import Foundation

/// What an occurrence's ledger becomes when the occurrence moves (an edited start, a moved
/// occurrence of a series, a calendar that moved the event).
///
/// Done steps stay done. A step already shown stays shown when its new time has passed too, so a
/// move never repeats a card; when its new time is ahead it reminds again, for the new date. Every
/// other fate (missed, suppressed, snoozed) belonged to the old time and is dropped: the planner
/// decides afresh for the new one.
public enum LedgerCarryOver {
    /// The states to keep at the new occurrence, whose step times are `times`.
    public static func carried(_ entries: [Step: LedgerEntry], to times: [Step: Date], now: Date)
        -> [Step: LedgerState]
    {
        var kept: [Step: LedgerState] = [:]
        for (step, entry) in entries {
            switch entry.state {
            case .done:
                kept[step] = .done
            case .fired, .delivered:
                if let at = times[step], at <= now { kept[step] = .delivered }
            case .snoozed, .missed, .suppressed:
                continue
            }
        }
        return kept
    }
}
