import Foundation

/// An event an import leaves out, and why.
public struct ImportSkip: Sendable, Hashable {
    /// Why an event is not imported, by name.
    public enum Reason: Sendable, Hashable {
        /// `DTSTART;VALUE=DATE`: a day, not a meeting at a time.
        case allDay
        /// `STATUS:CANCELLED` on the event (or its series).
        case cancelled
        /// One of the user's addresses declined it (`PARTSTAT=DECLINED`).
        case declinedByYou
        /// No relationship has an address among its organizer and attendees, and no `--with` was given.
        case noPartner
        /// A followed calendar's rules took none of it: not a mentoring meeting.
        case unmatched
        /// Another calendar holds the same event (UID and `RECURRENCE-ID`) and reminds of it: its name.
        case inAnotherCalendar(String)
        /// Several relationships have addresses among its organizer and attendees: their partners.
        case ambiguousPartner([String])
        /// Valid RFC 5545 that mentord does not read: the part, named (`RRULE: BYWEEKNO=20`).
        case unsupported(String)
        /// A `TZID` nothing resolves.
        case unknownTimeZone(String)
        /// A `VTIMEZONE` of the file that no IANA zone matches: a meeting's zone must keep its name.
        case timeZoneOnlyInFile(String)
        /// `RDATE` without `RRULE`: a set of dates, which a meeting cannot hold (a series has a rule).
        case rdateWithoutRule
        /// Longer than the longest meeting (a day): the length in seconds.
        case tooLong(Int)
        /// Any other value that cannot be read: the reader's message, with its line.
        case unreadable(String)

        /// The reason's stable name, for scripts and the summary.
        public var name: String {
            switch self {
            case .allDay: "all-day event"
            case .cancelled: "cancelled"
            case .declinedByYou: "declined by you"
            case .noPartner: "no partner"
            case .unmatched: "no rule matched"
            case .inAnotherCalendar: "in another calendar"
            case .ambiguousPartner: "ambiguous partner"
            case .unsupported: "unsupported"
            case .unknownTimeZone: "unknown time zone"
            case .timeZoneOnlyInFile: "time zone only in the file"
            case .rdateWithoutRule: "RDATE without RRULE"
            case .tooLong: "longer than a day"
            case .unreadable: "unreadable"
            }
        }

        /// What exactly, when the name alone does not say it; empty otherwise.
        public var detail: String {
            switch self {
            case .allDay, .cancelled, .declinedByYou, .noPartner, .unmatched, .rdateWithoutRule: ""
            case .ambiguousPartner(let partners): partners.joined(separator: ", ")
            case .unsupported(let part), .unknownTimeZone(let part), .timeZoneOnlyInFile(let part),
                .unreadable(let part), .inAnotherCalendar(let part):
                part
            case .tooLong(let seconds): "\(seconds) seconds"
            }
        }
    }

    /// The event's `UID`; empty when it has none.
    public var uid: String
    /// Its `SUMMARY`.
    public var title: String
    /// Its start (an override's own), when it could be read.
    public var start: Date?
    /// The zone the start was written in, when it names one a person can read.
    public var zone: TimeZone?
    public var reason: Reason

    public init(uid: String, title: String, start: Date?, zone: TimeZone? = nil, reason: Reason) {
        self.uid = uid
        self.title = title
        self.start = start
        self.zone = zone
        self.reason = reason
    }
}
