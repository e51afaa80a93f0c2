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
