import Foundation
import MentorCore

/// What an import needs besides the file: whom the events are with, which addresses are the user's,
/// and the user's defaults.
public struct ImportOptions: Sendable {
    /// `--with NAME --role ROLE`: every event is with this partner. Nil: partners are found by e-mail.
    /// With ``rules``, the partner of a matched event whose attendees name no relationship.
    public var partner: (name: String, role: Role)?
    /// A followed calendar's `--match` rules, any of which takes an event; empty: every event (see ``MatchRule``).
    public var rules: [MatchRule]
    /// The relationships whose `email` an event's organizer or attendees may name.
    public var relationships: [Relationship]
    /// The user's own addresses, lower case (`[calendar] addresses`): never a partner; their
    /// `PARTSTAT=DECLINED` skips an event or cancels an occurrence.
    public var ownAddresses: Set<String>
    /// The user's zone: where a customized zone is first looked for.
    public var userZone: TimeZone
    /// The length of an event that has none (`DTEND` equal to `DTSTART`, or neither given).
    public var defaultDurationSeconds: Int
    /// When the import runs: the five years a file's own zone is matched over begin here.
    public var now: Date

    public init(
        partner: (name: String, role: Role)? = nil, rules: [MatchRule] = [], relationships: [Relationship] = [],
        ownAddresses: Set<String> = [], userZone: TimeZone,
        defaultDurationSeconds: Int = MeetingLimits.defaultDurationSeconds, now: Date
    ) {
        self.partner = partner
        self.rules = rules
        self.relationships = relationships
        self.ownAddresses = Set(ownAddresses.map { $0.lowercased() })
        self.userZone = userZone
        self.defaultDurationSeconds = defaultDurationSeconds
        self.now = now
    }
}
