import Foundation

/// A meeting as one calendar event describes it, ready for the store: which event it is, its
/// version, whom it is with, and its when-fields with what its occurrences change.
///
/// MentorCalendar makes these from a file; the store adds a meeting for a new one and updates the
/// meeting of a known one. The partner is used only when the meeting is added: who a meeting is with,
/// its purpose and reminder offsets belong to mentord, the when-fields to the calendar.
public struct ImportedEvent: Sendable, Hashable {
    /// The event's `UID`.
    public var uid: String
    /// For an override imported without its series (no master in the file): its `RECURRENCE-ID`.
    public var recurrenceID: Date?
    /// The highest `SEQUENCE` of the event and its overrides.
    public var sequence: Int
    public var partner: String
    public var role: Role
    public var title: String
    public var start: Date
    public var timeZone: TimeZone
    public var durationSeconds: Int
    public var recurrence: Recurrence?
    /// Cancelled (nil) and moved occurrences, by original start.
    public var exceptions: [Date: Date?]
    /// `RDATE`s, and overrides of occurrences the rule does not give.
    public var additions: [Date]
    /// Occurrences with a title or length of their own, by original start.
    public var occurrenceOverrides: [Date: OccurrenceOverride]
    /// The calendar cancelled the event, or the user declined it.
    public var isCancelled: Bool

    public init(
        uid: String, recurrenceID: Date? = nil, sequence: Int = 0, partner: String, role: Role, title: String,
        start: Date, timeZone: TimeZone, durationSeconds: Int, recurrence: Recurrence? = nil,
        exceptions: [Date: Date?] = [:], additions: [Date] = [], occurrenceOverrides: [Date: OccurrenceOverride] = [:],
        isCancelled: Bool = false
    ) {
        self.uid = uid
        self.recurrenceID = recurrenceID
        self.sequence = sequence
        self.partner = partner
        self.role = role
        self.title = title
        self.start = start
        self.timeZone = timeZone
        self.durationSeconds = durationSeconds
        self.recurrence = recurrence
        self.exceptions = exceptions
        self.additions = additions
        self.occurrenceOverrides = occurrenceOverrides
        self.isCancelled = isCancelled
    }

    /// What tells two events of one calendar apart: the UID, and an override's `RECURRENCE-ID`.
    public struct Identity: Sendable, Hashable {
        public var uid: String
        public var recurrenceID: Date?

        public init(uid: String, recurrenceID: Date?) {
            self.uid = uid
            self.recurrenceID = recurrenceID
        }
    }

    /// The event's identity within its calendar.
    public var identity: Identity { Identity(uid: uid, recurrenceID: recurrenceID) }

    /// A digest of everything the store keeps of the event (not the partner, which an import sets only
    /// once): equal fingerprints mean nothing to write. It is made from the values as read, not the
    /// file's text, which changes on every export (`DTSTAMP`) without the event changing.
    public var fingerprint: String {
        var text = "v1"
        func add(_ field: String) { text += "\u{1F}\(field.utf8.count):\(field)" }
        add(title)
        add(String(start.millisecondsSince1970))
        add(timeZone.identifier)
        add(String(durationSeconds))
        add(recurrence?.rule ?? "")
        add(isCancelled ? "cancelled" : "scheduled")
        for (original, moved) in exceptions.sorted(by: { $0.key < $1.key }) {
            add("x\(original.millisecondsSince1970)>\(moved.map { String($0.millisecondsSince1970) } ?? "-")")
        }
        for addition in additions.map(\.millisecondsSince1970).sorted() { add("r\(addition)") }
        for (original, override) in occurrenceOverrides.sorted(by: { $0.key < $1.key }) {
            add("o\(original.millisecondsSince1970)")
            add(override.title ?? "-")
            add(override.durationSeconds.map(String.init) ?? "-")
        }
        // FNV-1a, 64 bits: a change detector, not a defence; the store compares it for equality only.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
