import Foundation
import MentorCore

/// Whom an event is with: the partner the import names, else the one relationship whose e-mail
/// address is among the event's organizer and attendees (the user's own addresses left out).
enum PartnerMatch: Sendable, Hashable {
    /// `--with NAME --role ROLE`.
    case chosen(name: String, role: Role)
    /// The one relationship with an address of the event.
    case matched(name: String, role: Role)
    /// No relationship has any of its addresses.
    case none
    /// Several have: their partners.
    case ambiguous([String])

    static func given(_ partner: (name: String, role: Role)) -> PartnerMatch {
        .chosen(name: partner.name, role: partner.role)
    }

    /// The partner of `event` under the options: without rules, `--with` or else the attendees; with
    /// rules, an event some rule takes, then its attendees' relationship or else `--with`.
    static func choose(for event: CalendarEvent, in options: ImportOptions) -> PartnerMatch? {
        let found = find(for: event, in: options)
        guard !options.rules.isEmpty else { return options.partner.map(given) ?? found }
        guard options.rules.contains(where: { $0.matches(event, partner: found) }) else { return nil }
        switch found {
        case .matched: return found
        case .none, .ambiguous, .chosen: return options.partner.map(given) ?? found
        }
    }

    static func find(for event: CalendarEvent, in options: ImportOptions) -> PartnerMatch {
        let addresses = Set(([event.organizer].compactMap { $0 } + event.attendees).map(\.email))
            .subtracting(options.ownAddresses).subtracting([""])
        let found = options.relationships.filter { !$0.email.isEmpty && addresses.contains($0.email) }
        switch found.count {
        case 0: return .none
        case 1: return .matched(name: found[0].partner, role: found[0].role)
        default: return .ambiguous(found.map(\.partner).sorted())
        }
    }
}
