import Foundation

/// The user-supplied fields of a meeting, validated and normalised.
///
/// Every way into the store (add, edit) goes through this initialiser, so the rules live in one
/// place: titles and names trimmed and non-empty, lengths within ``MeetingLimits``, the duration in
/// range, the start rounded to whole milliseconds (what the store keeps).
public struct MeetingDraft: Sendable, Hashable {
    public var title: String
    public var partner: String
    /// Nil means "the relationship already known for this partner".
    public var role: Role?
    public var start: Date
    public var timeZone: TimeZone
    public var durationSeconds: Int
    public var purpose: String
    /// Per-step offsets replacing the global policy (nil turns a step off).
    public var reminderOverrides: [Step: Int?]
    /// The repeat rule; nil for a single meeting.
    public var recurrence: Recurrence?

    public init(
        title: String, partner: String, role: Role?, start: Date, timeZone: TimeZone,
        durationSeconds: Int = MeetingLimits.defaultDurationSeconds, purpose: String = "",
        reminderOverrides: [Step: Int?] = [:], recurrence: Recurrence? = nil
    ) throws(MeetingValidationError) {
        self.title = try FieldRules.requiredLine(title, field: "title", limit: MeetingLimits.titleLength)
        self.partner = try FieldRules.requiredLine(partner, field: "partner", limit: MeetingLimits.partnerLength)
        self.purpose = try FieldRules.text(purpose, field: "purpose", limit: MeetingLimits.purposeLength)
        let durations = MeetingLimits.minimumDurationSeconds...MeetingLimits.maximumDurationSeconds
        guard durations.contains(durationSeconds) else { throw .durationOutOfRange(seconds: durationSeconds) }
        self.role = role
        self.start = start.roundedToMilliseconds
        self.timeZone = timeZone
        self.durationSeconds = durationSeconds
        self.reminderOverrides = reminderOverrides
        self.recurrence = recurrence
    }

    /// The draft of `meeting` with `changes` applied, validated again as a whole.
    public init(_ meeting: Meeting, applying changes: MeetingChanges) throws(MeetingValidationError) {
        try self.init(
            title: changes.title ?? meeting.title,
            partner: changes.partner ?? meeting.relationship.partner,
            // A new partner without a role means "whatever role we have with them".
            role: changes.role ?? (changes.partner == nil ? meeting.relationship.role : nil),
            start: changes.start ?? meeting.start,
            timeZone: changes.timeZone ?? meeting.timeZone,
            durationSeconds: changes.durationSeconds ?? meeting.durationSeconds,
            purpose: changes.purpose ?? meeting.purpose,
            reminderOverrides: changes.reminderOverrides ?? meeting.reminderOverrides,
            recurrence: changes.recurrence ?? meeting.recurrence)
    }
}

/// The fields an edit changes; nil leaves a field as it is.
public struct MeetingChanges: Sendable, Hashable {
    public var title: String?
    public var partner: String?
    public var role: Role?
    public var start: Date?
    public var timeZone: TimeZone?
    public var durationSeconds: Int?
    public var purpose: String?
    /// New per-step overrides, replacing the old ones as a whole.
    public var reminderOverrides: [Step: Int?]?
    /// A new repeat rule; `.some(nil)` makes the meeting a single one.
    public var recurrence: Recurrence??

    public init(
        title: String? = nil, partner: String? = nil, role: Role? = nil, start: Date? = nil,
        timeZone: TimeZone? = nil, durationSeconds: Int? = nil, purpose: String? = nil,
        reminderOverrides: [Step: Int?]? = nil, recurrence: Recurrence?? = nil
    ) {
        self.title = title
        self.partner = partner
        self.role = role
        self.start = start
        self.timeZone = timeZone
        self.durationSeconds = durationSeconds
        self.purpose = purpose
        self.reminderOverrides = reminderOverrides
        self.recurrence = recurrence
    }
}

/// Why user-supplied fields were refused; each case names the field and the offending value.
///
/// Meetings and everything the mentoring loop stores (goals, items, answers, captures) share it.
public enum MeetingValidationError: Error, Sendable, Equatable {
    /// A required text field is empty after trimming.
    case emptyText(field: String)
    /// A text field exceeds its limit, in characters.
    case textTooLong(field: String, length: Int, limit: Int)
    /// A one-line field (title, partner) contains a line break.
    case multilineText(field: String)
    /// A text contains a character it may not hold (see ``FieldRules``): U+0000, another control
    /// character, or in a one-line field a tab or a bidirectional control.
    case controlCharacter(field: String, codePoint: Int)
    /// The duration is outside ``MeetingLimits``.
    case durationOutOfRange(seconds: Int)
    /// A date field is neither empty nor an existing day written `YYYY-MM-DD`.
    case invalidDay(field: String, text: String)
    /// A rating is outside ``MentoringLimits/ratings``.
    case ratingOutOfRange(field: String, value: Int)
    /// A list has more entries than its limit allows.
    case tooMany(field: String, count: Int, limit: Int)
    /// An e-mail field holds something that is not one address.
    case invalidEmail(field: String, text: String)
}

extension Date {
    /// This instant rounded to whole milliseconds, the precision the store keeps.
    public var roundedToMilliseconds: Date {
        Date(millisecondsSince1970: millisecondsSince1970)
    }

    /// Milliseconds since 1970-01-01T00:00:00Z, rounded to the nearest.
    public var millisecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    /// The instant `milliseconds` after 1970-01-01T00:00:00Z.
    public init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }
}
