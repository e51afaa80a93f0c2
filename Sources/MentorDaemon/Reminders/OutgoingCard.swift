import Foundation
import Logging
import MentorCore
import MentorProtocol

/// A card on its way to the channels: typed for the daemon (its kind, its steps, its dates), with
/// its wire form made once, which subscribers receive and every channel's text is made from.
struct OutgoingCard: Sendable, Hashable {
    /// What the card is about.
    enum Kind: Sendable, Hashable {
        /// Steps of one occurrence of a meeting.
        case meeting(id: Int64, occurrence: Date)
        /// The due date of one of the user's commitments, agreed at `meetingID` if it was.
        case commitment(itemID: Int64, meetingID: Int64?)
        /// `TestNotify`'s made-up card: its buttons act on nothing.
        case test
        /// The day-based cards of several meetings, as one (see ``DigestRule``).
        case digest([ReminderCard])
        /// A relationship gone quiet (``QuietRule``), quiet since the given instant.
        case quiet(relationshipID: Int64, since: Date)
    }

    var kind: Kind
    var steps: [Step]
    var dueAt: Date
    /// The wire form.
    var reminder: Wire.Reminder

    /// The meeting a card of steps belongs to.
    var meetingID: Int64? {
        if case .meeting(let id, _) = kind { return id }
        return nil
    }
}

extension OutgoingCard {
    /// The card for `card` of `meeting`, with each step's prompts filled from what the relationship
    /// has stored. If that cannot be read, the card still goes out with the prompts that need no
    /// stored data.
    static func meeting(
        _ card: ReminderCard, of meeting: Meeting, stores: MentoringStores, rules: ReminderRules, now: Date,
        logger: Logger
    ) async -> OutgoingCard {
        let context: PromptContext
        do {
            context = try await MeetingContext.load(
                for: meeting, occurrence: card.occurrence, from: stores, rules: rules
            ).promptContext
        } catch {
            // A card whose claim was refused cancels its rendering: that is no failure to report.
            if !(error is CancellationError) {
                logger.warning("Failed to load the context of meeting \(meeting.id) for its prompts: \(error)")
            }
            context = PromptContext(partner: meeting.relationship.partner, phase: meeting.relationship.phase)
        }
        let role = meeting.relationship.role
        return OutgoingCard(
            kind: .meeting(id: meeting.id, occurrence: card.occurrence), steps: card.steps, dueAt: card.dueAt,
            reminder: Wire.Reminder(
                kind: .meeting, meetingId: meeting.id, occurrence: RFC3339.utc(card.occurrence),
                title: meeting.title(ofOccurrenceAt: card.occurrence),
                partner: meeting.relationship.partner, role: Wire.Role(role), steps: card.steps.map(Wire.Step.init),
                dueAt: RFC3339.utc(card.dueAt), localDueAt: RFC3339.local(card.dueAt, in: meeting.timeZone),
                localStart: RFC3339.local(card.occurrence, in: meeting.timeZone),
                timeZone: meeting.timeZone.identifier,
                // From the due time, or for a late card from now, when it is shown.
                minutesToStart: minutes(from: card.late ? max(card.dueAt, now) : card.dueAt, to: card.occurrence),
                late: card.late,
                prompts: card.steps.map {
                    Wire.StepPrompts(
                        step: Wire.Step($0), prompts: PromptCatalog.prompts(for: $0, as: role, context: context))
                }))
    }

    /// One card for the day-based cards of several meetings, each listed with its aim, its open items
    /// and its questions. A meeting whose context cannot be read is listed with what needs none.
    static func digest(
        _ entries: [(card: ReminderCard, meeting: Meeting)], stores: MentoringStores, rules: ReminderRules, now: Date,
        logger: Logger
    ) async -> OutgoingCard {
        var listed: [Wire.DigestEntry] = []
        var notes: [String] = []
        for (card, meeting) in entries {
            let role = meeting.relationship.role
            var context = PromptContext(partner: meeting.relationship.partner, phase: meeting.relationship.phase)
            var aim = meeting.purpose
            var open: [String] = []
            do {
                let loaded = try await MeetingContext.load(
                    for: meeting, occurrence: card.occurrence, from: stores, rules: rules)
                context = loaded.promptContext
                aim = loaded.agreedGoal
                open = loaded.actions.map { item in
                    item.text + " (\(item.owner.rawValue)" + (item.dueOn.isEmpty ? "" : ", due \(item.dueOn)") + ")"
                }
            } catch {
                logger.warning("Failed to load the context of meeting \(meeting.id) for the digest: \(error)")
            }
            let local = RFC3339.local(card.occurrence, in: meeting.timeZone)
            listed.append(
                Wire.DigestEntry(
                    meetingId: meeting.id, title: meeting.title, partner: meeting.relationship.partner,
                    role: Wire.Role(role), occurrence: RFC3339.utc(card.occurrence), localStart: local,
                    steps: card.steps.map(Wire.Step.init), aim: aim, openItems: open,
                    prompts: card.steps.map {
                        Wire.StepPrompts(
                            step: Wire.Step($0), prompts: PromptCatalog.prompts(for: $0, as: role, context: context))
                    }))
            notes.append(
                "\(DisplayText.when(local)): \(meeting.title) with \(meeting.relationship.partner)"
                    + " (\(card.steps.map { Wire.Step($0).title }.joined(separator: " + ")))"
                    + (aim.isEmpty ? "" : ". Aim: \(aim)")
                    + (open.isEmpty ? "" : ". Open: \(open.joined(separator: "; "))"))
        }
        let cards = entries.map(\.card)
        let due = cards.map(\.dueAt).min() ?? now
        let first = entries.first
        return OutgoingCard(
            kind: .digest(cards), steps: Array(Set(cards.flatMap(\.steps))).sorted(), dueAt: due,
            reminder: Wire.Reminder(
                kind: .digest, meetingId: nil, occurrence: RFC3339.utc(first?.card.occurrence ?? due),
                title: "\(entries.count) meetings",
                partner: entries.map(\.meeting.relationship.partner).joined(separator: ", "),
                role: Wire.Role(first?.meeting.relationship.role ?? .mentor), steps: [], dueAt: RFC3339.utc(due),
                localDueAt: RFC3339.local(due, in: rules.userZone),
                localStart: RFC3339.local(first?.card.occurrence ?? due, in: rules.userZone),
                timeZone: rules.userZone.identifier,
                minutesToStart: minutes(from: due, to: first?.card.occurrence ?? due), late: false, prompts: [],
                notes: notes, meetings: listed))
    }

    /// The nudge for a relationship that has gone quiet since `since`, with what to do about it.
    static func quiet(_ relationship: Relationship, since: Date, zone: TimeZone, now: Date) -> OutgoingCard {
        let name = relationship.partner.contains(" ") ? "\"\(relationship.partner)\"" : relationship.partner
        return OutgoingCard(
            kind: .quiet(relationshipID: relationship.id, since: since), steps: [], dueAt: since,
            reminder: Wire.Reminder(
                kind: .quiet, meetingId: nil, occurrence: RFC3339.utc(since), title: "Gone quiet",
                partner: relationship.partner, role: Wire.Role(relationship.role), steps: [],
                dueAt: RFC3339.utc(since), localDueAt: RFC3339.local(since, in: zone),
                localStart: RFC3339.local(since, in: zone), timeZone: zone.identifier, minutesToStart: 0,
                late: now.timeIntervalSince(since) > 60, prompts: [],
                notes: [
                    "Nothing scheduled or captured with \(relationship.partner) for a while (cadence: \(relationship.cadence)).",
                    "Arrange the next meeting: mentorctl add TITLE --with \(name) --at TIME. "
                        + "Meeting less often now? mentorctl relationship edit \(name) --cadence ...",
                ], relationshipId: relationship.id))
    }

    /// The due-date card of one of the user's commitments, due at `due` in `zone`.
    static func commitment(
        _ item: ActionItem, with relationship: Relationship, due: Date, zone: TimeZone, now: Date
    ) -> OutgoingCard {
        OutgoingCard(
            kind: .commitment(itemID: item.id, meetingID: item.origin?.meetingID), steps: [], dueAt: due,
            reminder: Wire.Reminder(
                kind: .commitment, meetingId: item.origin?.meetingID, itemId: item.id, occurrence: RFC3339.utc(due),
                title: item.text, partner: relationship.partner, role: Wire.Role(relationship.role), steps: [],
                dueAt: RFC3339.utc(due), localDueAt: RFC3339.local(due, in: zone),
                localStart: RFC3339.local(due, in: zone), timeZone: zone.identifier, minutesToStart: 0,
                late: now.timeIntervalSince(due) > 60, prompts: [],
                notes: [
                    "Due today, promised to \(relationship.partner): \(item.text).",
                    "Done? mentorctl action done \(item.id). No longer needed? mentorctl action drop \(item.id).",
                ]))
    }

    /// `TestNotify`'s card: a meeting 15 minutes from `now`, with the Participation prompts.
    static func test(now: Date, zone: TimeZone) -> OutgoingCard {
        let start = now.addingTimeInterval(15 * 60)
        return OutgoingCard(
            kind: .test, steps: [.participation], dueAt: now,
            reminder: Wire.Reminder(
                kind: .test, meetingId: nil, occurrence: RFC3339.utc(start), title: "mentord test notification",
                partner: "nobody", role: .mentee, steps: [.participation], dueAt: RFC3339.utc(now),
                localDueAt: RFC3339.local(now, in: zone), localStart: RFC3339.local(start, in: zone),
                timeZone: zone.identifier, minutesToStart: 15, late: false,
                prompts: [
                    Wire.StepPrompts(
                        step: .participation, prompts: PromptCatalog.prompts(for: .participation, as: .mentee))
                ]))
    }

    /// Whole minutes from `instant` to `start`, rounded down.
    private static func minutes(from instant: Date, to start: Date) -> Int {
        Int((start.timeIntervalSince(instant) / 60).rounded(.down))
    }
}
