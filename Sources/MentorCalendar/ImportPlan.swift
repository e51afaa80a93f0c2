import Foundation
import MentorCore

/// What a calendar file means for the user's meetings: one ``ImportedEvent`` per series, single
/// event or override standing alone, and the events left out, each with its reason. Pure: the store
/// decides afterwards which are new, changed or unchanged.
public struct ImportPlan: Sendable {
    /// One meeting's worth of the file.
    public struct Entry: Sendable {
        public var event: ImportedEvent
        /// Why the event is cancelled, when it is (``ImportSkip/Reason/cancelled`` or
        /// ``ImportSkip/Reason/declinedByYou``): a meeting imported before is cancelled, a new one is
        /// skipped for this reason.
        public var cancellation: ImportSkip.Reason?
    }

    public var entries: [Entry]
    public var skipped: [ImportSkip]

    /// Whether no event found a partner although some needed one: without `--with`, an import that
    /// matches nobody is an error that lists those events rather than a summary of skips.
    public var needsPartner: Bool {
        entries.isEmpty && skipped.contains { $0.reason == .noPartner }
    }

    /// Plans the import of `file` (see docs/calendar.md, "A series as a meeting").
    public static func make(_ file: CalendarFile, options: ImportOptions) -> ImportPlan {
        var planner = ImportPlanner(options: options)
        for refusal in file.refused { planner.skipped.append(ImportPlanner.skip(refusal)) }
        for series in file.series { planner.add(series) }
        return ImportPlan(entries: planner.entries, skipped: planner.skipped)
    }
}

extension ImportPlan {
    /// The plans of several files of one calendar (a vdir folder's items) as one: each event once by its
    /// identity (UID and `RECURRENCE-ID`), the higher `SEQUENCE` winning, since a folder that holds
    /// one UID in two files (khal #933) must not make two meetings of it.
    public static func merging(_ plans: [ImportPlan]) -> ImportPlan {
        var merged = ImportPlan(entries: [], skipped: [])
        var index: [ImportedEvent.Identity: Int] = [:]
        for plan in plans {
            merged.skipped += plan.skipped
            for entry in plan.entries {
                guard let known = index[entry.event.identity] else {
                    index[entry.event.identity] = merged.entries.count
                    merged.entries.append(entry)
                    continue
                }
                if entry.event.sequence > merged.entries[known].event.sequence { merged.entries[known] = entry }
            }
        }
        return merged
    }
}
