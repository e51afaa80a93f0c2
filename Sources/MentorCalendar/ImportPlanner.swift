import Foundation
import MentorCore

/// Turns each series of a file into meetings or skips, for ``ImportPlan/make(_:options:)``.
struct ImportPlanner {
    let options: ImportOptions
    private let zones: ZoneMatcher
    /// Zones the file defines, matched once each.
    private var matched: [String: TimeZone?] = [:]
    var entries: [ImportPlan.Entry] = []
    var skipped: [ImportSkip] = []

    init(options: ImportOptions) {
        self.options = options
        zones = ZoneMatcher(userZone: options.userZone, from: options.now)
    }

    static func skip(_ refusal: CalendarFile.Refusal) -> ImportSkip {
        let reason: ImportSkip.Reason =
            switch refusal.error {
            case .unsupported(let line, let property, let part): .unsupported("\(property): \(part) (line \(line))")
            case .unknownTimeZone(_, _, let tzid): .unknownTimeZone(tzid)
            default: .unreadable(refusal.error.description)
            }
        return ImportSkip(uid: refusal.uid ?? "", title: refusal.summary, start: nil, reason: reason)
    }

    mutating func add(_ series: EventSeries) {
        guard let master = series.master else {
            // Overrides without their series (Exchange invitations): each is a meeting of its own.
            for override in series.overrides { addSingle(override, recurrenceID: override.recurrenceID) }
            return
        }
        guard master.recurrence != nil else {
            // A single event: an override of its one occurrence applies to it; any other stands alone.
            let own = series.overrides.first { $0.recurrenceID == master.start }
            addSingle(own.map { merged($0, into: master) } ?? master, recurrenceID: nil)
            for other in series.overrides where other.recurrenceID != master.start {
                addSingle(other, recurrenceID: other.recurrenceID)
            }
            return
        }
        addSeries(master, overrides: series.overrides)
    }

    /// An override of a single event, with the master's sequence if that is higher.
    private func merged(_ override: CalendarEvent, into master: CalendarEvent) -> CalendarEvent {
        var event = override
        event.sequence = max(override.sequence, master.sequence)
        event.recurrenceID = nil
        return event
    }

    private mutating func addSingle(_ event: CalendarEvent, recurrenceID: Date?) {
        guard let base = base(of: event) else { return }
        var imported = base.event
        imported.recurrenceID = recurrenceID
        entries.append(.init(event: imported, cancellation: base.cancellation))
    }

    private mutating func addSeries(_ master: CalendarEvent, overrides: [CalendarEvent]) {
        guard let recurrence = master.recurrence else { return }
        guard recurrence.rule != nil else { return skip(master, .rdateWithoutRule) }
        guard let base = base(of: master) else { return }
        var event = base.event
        event.recurrence = recurrence.rule
        event.additions = recurrence.additions.map(\.roundedToMilliseconds)
        for excluded in recurrence.exclusions { event.exceptions[excluded.roundedToMilliseconds] = .some(nil) }
        var probe = Meeting(
            id: 0, relationship: Relationship(id: 0, partner: "", role: .mentee, createdAt: options.now),
            title: "", start: event.start, timeZone: event.timeZone, durationSeconds: 1, purpose: "",
            status: .scheduled, recurrence: recurrence.rule, createdAt: options.now, updatedAt: options.now)
        probe.additions = event.additions
        for override in overrides {
            let original = override.recurrenceID!.roundedToMilliseconds
            // An EXDATE wins over an override of the same occurrence (as recurring-ical-events has it).
            if event.exceptions[original] != nil { continue }
            // An override of an occurrence the rule does not give adds it (calendar apps show it).
            if !probe.isScheduledOccurrence(original) { event.additions.append(original) }
            event.sequence = max(event.sequence, override.sequence)
            if override.status == .cancelled || declinedByYou(override) {
                event.exceptions[original] = .some(nil)
                continue
            }
            if override.start.millisecondsSince1970 != original.millisecondsSince1970 {
                event.exceptions[original] = .some(override.start.roundedToMilliseconds)
            }
            let title = Self.title(override.summary)
            let duration = min(duration(of: override), MeetingLimits.maximumDurationSeconds)
            if title != event.title || duration != event.durationSeconds {
                event.occurrenceOverrides[original] = OccurrenceOverride(
                    title: title == event.title ? nil : title,
                    durationSeconds: duration == event.durationSeconds ? nil : duration)
            }
        }
        entries.append(.init(event: event, cancellation: base.cancellation))
    }

    /// The meeting an event (a series' master, a single event, an override alone) makes before its
    /// occurrences: the when-fields, the partner, the status; nil when it is skipped.
    private mutating func base(of event: CalendarEvent) -> (event: ImportedEvent, cancellation: ImportSkip.Reason?)? {
        guard !event.isAllDay else {
            skip(event, .allDay)
            return nil
        }
        let duration = duration(of: event)
        guard duration <= MeetingLimits.maximumDurationSeconds else {
            skip(event, .tooLong(duration))
            return nil
        }
        guard let zone = timeZone(of: event) else {
            skip(event, .timeZoneOnlyInFile(event.zone.identifier))
            return nil
        }
        let partner: (name: String, role: Role)
        guard let match = PartnerMatch.choose(for: event, in: options) else {
            skip(event, .unmatched)
            return nil
        }
        switch match {
        case .chosen(let name, let role), .matched(let name, let role):
            partner = (name, role)
        case .none:
            skip(event, .noPartner)
            return nil
        case .ambiguous(let partners):
            skip(event, .ambiguousPartner(partners))
            return nil
        }
        let cancellation: ImportSkip.Reason? =
            event.status == .cancelled ? .cancelled : declinedByYou(event) ? .declinedByYou : nil
        let imported = ImportedEvent(
            uid: event.uid, sequence: event.sequence, partner: partner.name, role: partner.role,
            title: Self.title(event.summary), start: event.start.roundedToMilliseconds, timeZone: zone,
            durationSeconds: duration, isCancelled: cancellation != nil)
        return (imported, cancellation)
    }

    /// The event's length; zero (no `DTEND`, or equal to `DTSTART`) is the default length.
    private func duration(of event: CalendarEvent) -> Int {
        event.durationSeconds > 0 ? event.durationSeconds : options.defaultDurationSeconds
    }

    /// Whether one of the user's addresses declined the event.
    private func declinedByYou(_ event: CalendarEvent) -> Bool {
        event.attendees.contains { options.ownAddresses.contains($0.email) && $0.participation == "DECLINED" }
    }

    /// The IANA zone of the event: the one its time was read in, or the one a zone of the file's own
    /// matches.
    private mutating func timeZone(of event: CalendarEvent) -> TimeZone? {
        if let zone = event.zone as? TimeZone { return zone }
        guard let defined = event.zone as? DefinedTimeZone else { return nil }
        if let known = matched[defined.identifier] { return known }
        let zone = zones.zone(matching: defined)
        matched[defined.identifier] = .some(zone)
        return zone
    }

    /// A title a meeting can have: one line, at most 200 characters, never empty.
    static func title(_ summary: String) -> String {
        let line = summary.split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        // Google's name for an event without one.
        guard !line.isEmpty else { return "(No title)" }
        return String(line.prefix(MeetingLimits.titleLength))
    }

    private mutating func skip(_ event: CalendarEvent, _ reason: ImportSkip.Reason) {
        skipped.append(
            ImportSkip(
                uid: event.uid, title: event.summary, start: event.start, zone: event.zone as? TimeZone, reason: reason)
        )
    }
}
