import Foundation
import MentorCore

/// A calendar mentord follows (`mentorctl calendar add`, or a `[calendar.NAME]` table): where it is,
/// whom its events are with, which of them are mentoring meetings, and how its last sync went.
public struct FollowedCalendar: Sendable, Hashable {
    /// Where the events come from.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// One `.ics` file, watched.
        case file
        /// A folder of `.ics` files, one event each (vdirsyncer, khal), watched.
        case vdir
        /// An `http(s)` iCalendar feed, polled.
        case url
        /// A CalDAV calendar collection, polled (read-only).
        case caldav
    }

    public var id: Int64
    public var name: String
    public var kind: Kind
    /// An absolute path or a URL.
    public var location: String
    /// The default partner (`--with`) and the user's role with them.
    public var partner: String?
    public var role: Role?
    /// `--match` rules as written, in order.
    public var rules: [String]
    /// The kind's settings as the daemon writes them (never a password).
    public var settings: String
    /// Defined in the configuration file: only the file changes or removes it.
    public var fromConfig: Bool
    /// What the kind keeps between syncs (a validator, a sync token and the items it stands for).
    public var syncState: String
    public var lastSuccessAt: Date?
    public var lastAttemptAt: Date?
    /// Why the last sync failed; empty after a success.
    public var lastError: String
    /// Events the last successful sync took as mentoring meetings, and those it left out.
    public var matched: Int
    public var ignored: Int
    /// Meetings that come from it now.
    public var meetings: Int

    public init(
        id: Int64 = 0, name: String, kind: Kind, location: String, partner: String? = nil, role: Role? = nil,
        rules: [String] = [], settings: String = "", fromConfig: Bool = false, syncState: String = "",
        lastSuccessAt: Date? = nil, lastAttemptAt: Date? = nil, lastError: String = "", matched: Int = 0,
        ignored: Int = 0, meetings: Int = 0
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.location = location
        self.partner = partner
        self.role = role
        self.rules = rules
        self.settings = settings
        self.fromConfig = fromConfig
        self.syncState = syncState
        self.lastSuccessAt = lastSuccessAt
        self.lastAttemptAt = lastAttemptAt
        self.lastError = lastError
        self.matched = matched
        self.ignored = ignored
        self.meetings = meetings
    }

    /// Whether `other` says the same about where and how to follow (not the sync results): a
    /// configuration reload leaves such a calendar as it is.
    public func sameDefinition(as other: FollowedCalendar) -> Bool {
        name == other.name && kind == other.kind && location == other.location
            && partner?.lowercased() == other.partner?.lowercased() && role == other.role && rules == other.rules
            && settings == other.settings && fromConfig == other.fromConfig
    }
}
