import Foundation
import MentorCore
import MentorProtocol
import MentorStore
import NIOConcurrencyHelpers

/// The handlers of `io.mentord`'s meeting methods: parse what people typed (times, zones,
/// durations) with the core's parsers, then let the store commit. The reminder engine hears of
/// every commit from the database itself.
struct MeetingMethods: Sendable {
    let store: MeetingStore
    /// Where partners' names are looked up.
    let relationships: RelationshipStore
    /// Which meetings a followed calendar owns: their times and titles are changed there, not here.
    let calendars: CalendarSourceStore
    let clock: any WallClock
    /// Whose rules say what a moved occurrence keeps of its ledger.
    let engine: ReminderService
    /// Where local times are read when a call names no zone.
    let defaultTimeZone: TimeZone
    /// `[limits] max_meetings`, changed by a reload.
    let maximumMeetings: NIOLockedValueBox<Int>

    func register(in table: inout MethodTable) {
        table.register(AddMeeting.self, add)
        table.register(ListMeetings.self, list)
        table.register(GetMeeting.self) { try await Wire.MeetingReply(meeting: .init(store.meeting(id: $0.id))) }
        table.register(UpdateMeeting.self, update)
        table.register(CancelMeeting.self) {
            Wire.MeetingReply(meeting: .init(try await store.cancel(id: $0.id, now: clock.now())))
        }
        table.register(CancelOccurrence.self) { parameters in
            try await changeOccurrence(parameters.id, parameters.occurrence, to: nil, past: false)
        }
        table.register(MoveOccurrence.self) { parameters in
            try await changeOccurrence(
                parameters.id, parameters.occurrence, to: parameters.to, past: parameters.past ?? false)
        }
        table.register(DeleteMeeting.self) {
            try await store.delete(id: $0.id)
            return NoParameters()
        }
        table.register(ReadTime.self, readTime)
    }

    private var lookup: PartnerLookup { PartnerLookup(relationships: relationships) }

    @Sendable private func readTime(_ parameters: ReadTime.Parameters) async throws -> ReadTime.Reply {
        let zone =
            if let id = parameters.meetingId {
                try await store.meeting(id: id).timeZone
            } else {
                try parameters.timeZone.map { name throws(TimeZoneError) in try IANATimeZone.typed(name) }
                    ?? defaultTimeZone
            }
        let now = clock.now()
        let instant = try TimeExpression.parse(parameters.text, in: zone, now: now)
        return ReadTime.Reply(
            instant: RFC3339.utc(instant), local: RFC3339.local(instant, in: zone), past: instant < now)
    }

    /// Cancels (`to` nil) or moves one occurrence. Times are read in the meeting's zone; the new
    /// one counts from the occurrence (`thu 19:00` is the Thursday after it, not after today).
    private func changeOccurrence(_ id: Int64, _ occurrenceText: String, to newText: String?, past: Bool)
        async throws -> Wire.OccurrenceReply
    {
        let now = clock.now()
        let meeting = try await store.meeting(id: id)
        try await refuseIfFollowed(id)
        // Its start is its only occurrence, and "no occurrence at" that start would contradict itself.
        guard meeting.recurrence != nil else { throw MentordError.notASeries(id: id) }
        let zone = meeting.timeZone
        let occurrence = try OccurrenceReader.occurrence(occurrenceText, of: meeting, now: now, actual: false)
        let movedTo = try newText.map { text in
            let start = try TimeExpression.parse(text, in: zone, from: .occurrence(occurrence, now: now))
            if !past { try PastTimeRule.requireAhead(start, now: now, field: "to", text: text, zone: zone) }
            return start
        }
        let changed: Meeting
        do {
            changed = try await store.changeOccurrence(
                meetingID: id, occurrence: occurrence, movedTo: movedTo, now: now, carry: carry(now: now))
        } catch StoreError.noSuchOccurrence {
            throw OccurrenceReader.noSuchOccurrence(occurrence, of: meeting)
        }
        return Wire.OccurrenceReply(
            meeting: .init(changed), occurrence: RFC3339.utc(occurrence),
            localOccurrence: RFC3339.local(occurrence, in: zone), movedTo: movedTo.map(RFC3339.utc),
            localMovedTo: movedTo.map { RFC3339.local($0, in: zone) })
    }

    /// A start read in `zone`, refused when it lies in the past unless `past` says it happened. A
    /// series may have begun earlier: its first start is where its rule counts from, and what
    /// reminds is its occurrences still ahead.
    private static func start(_ text: String, in zone: TimeZone, now: Date, past: Bool?, series: Bool) throws -> Date {
        let start = try TimeExpression.parse(text, in: zone, now: now)
        if past != true, !series {
            try PastTimeRule.requireAhead(start, now: now, field: "start", text: text, zone: zone)
        }
        return start
    }

    @Sendable private func add(_ parameters: AddMeeting.Parameters) async throws -> Wire.MeetingReply {
        let now = clock.now()
        let zone =
            try parameters.timeZone.map { name throws(TimeZoneError) in try IANATimeZone.typed(name) }
            ?? defaultTimeZone
        let draft = try MeetingDraft(
            title: parameters.title, partner: try await lookup.name(forNewMeetingWith: parameters.partner),
            role: parameters.role?.domain,
            start: Self.start(
                parameters.start, in: zone, now: now, past: parameters.past,
                series: !(parameters.recurrence ?? "").isEmpty),
            timeZone: zone,
            durationSeconds: try parameters.duration.map(Self.duration) ?? MeetingLimits.defaultDurationSeconds,
            purpose: parameters.purpose ?? "", reminderOverrides: try Self.offsets(parameters.offsets) ?? [:],
            recurrence: try Self.recurrence(parameters.recurrence) ?? nil)
        let meeting = try await store.add(draft, now: now, limit: maximumMeetings.withLockedValue { $0 })
        return Wire.MeetingReply(meeting: .init(meeting))
    }

    @Sendable private func list(_ parameters: ListMeetings.Parameters) async throws -> ListMeetings.Reply {
        if let limit = parameters.limit, limit < 0 { throw VarlinkServiceError.invalidParameter(parameter: "limit") }
        // A name that fits nobody is an error, not an empty list: "no meetings" would be wrong.
        var partner: String?
        if let name = parameters.partner {
            let found = try await lookup.candidates(name, role: nil)
            guard let first = found.first else { throw MentordError.noSuchPartner(partner: name) }
            guard PartnerLookup.onePerson(found) else {
                throw MentordError.ambiguousName(name: name, candidates: found.map { PartnerLookup.candidate($0) })
            }
            partner = first.partner
        }
        let query = MeetingQuery(
            includePast: parameters.includePast ?? false, includeCancelled: parameters.includeCancelled ?? false,
            partner: partner, limit: parameters.limit ?? 1000)
        return ListMeetings.Reply(meetings: try await store.meetings(query, now: clock.now()).map(Wire.Meeting.init))
    }

    @Sendable private func update(_ parameters: UpdateMeeting.Parameters) async throws -> Wire.MeetingReply {
        let now = clock.now()
        let current = try await store.meeting(id: parameters.id)
        // Nothing to change: answer with the meeting as it is, without touching updatedAt.
        guard parameters.changesSomething else { return Wire.MeetingReply(meeting: .init(current)) }
        if parameters.title != nil || parameters.start != nil || parameters.timeZone != nil
            || parameters.duration != nil || parameters.recurrence != nil
        {
            try await refuseIfFollowed(parameters.id)
        }
        let zone = try parameters.timeZone.map { name throws(TimeZoneError) in try IANATimeZone.typed(name) }
        var partner: String?
        if let name = parameters.partner { partner = try await lookup.name(forNewMeetingWith: name) }
        let changes = MeetingChanges(
            title: parameters.title, partner: partner, role: parameters.role?.domain,
            // A new start is read in the new zone if one is given, else in the meeting's own.
            start: try parameters.start.map { text in
                try Self.start(
                    text, in: zone ?? current.timeZone, now: now, past: parameters.past,
                    series: !(parameters.recurrence ?? (current.recurrence == nil ? "" : "series")).isEmpty)
            },
            timeZone: zone, durationSeconds: try parameters.duration.map(Self.duration), purpose: parameters.purpose,
            reminderOverrides: try Self.offsets(parameters.offsets),
            recurrence: try Self.recurrence(parameters.recurrence))
        let meeting = try await store.update(id: parameters.id, changes: changes, now: now, carry: carry(now: now))
        return Wire.MeetingReply(meeting: .init(meeting))
    }

    /// Refuses a change of a followed calendar's meeting's times or title: the next sync would undo it.
    private func refuseIfFollowed(_ id: Int64) async throws {
        if let calendar = try await calendars.owner(ofMeeting: id) {
            throw StoreError.calendarOwnsMeeting(id: id, calendar: calendar)
        }
    }

    /// What a moved occurrence keeps of its ledger under the rules in force: done steps stay done,
    /// a step shown is not shown again for a time that has also passed.
    private func carry(now: Date) -> LedgerCarry {
        engine.rules.carrying(now: now)
    }

    /// The repeat rule from a word (`weekly`) or an RRULE; `.some(nil)` for "" (no repetition).
    private static func recurrence(_ text: String?) throws -> Recurrence?? {
        guard let text else { return nil }
        if text.isEmpty { return .some(nil) }
        if let named = Recurrence.named(text.lowercased()) { return named }
        do {
            return try Recurrence.parse(text)
        } catch {
            throw MentordError.invalidRecurrence(text: text, reason: Self.describe(error))
        }
    }

    private static func describe(_ error: RecurrenceError) -> String {
        switch error {
        case .invalidRule: "not a rule mentord understands (try weekly, fortnightly, monthly or FREQ=WEEKLY;BYDAY=MO)"
        case .unsupported(let part): "\(part) is not supported"
        case .outOfRange(let part): "\(part) is out of range"
        case .conflicting: "its parts contradict each other (COUNT with UNTIL, or BYMONTHDAY without FREQ=MONTHLY)"
        }
    }

    /// Per-step overrides from `purpose=3d,plan=off`.
    static func offsets(_ text: String?) throws -> [Step: Int?]? {
        guard let text else { return nil }
        do {
            return try ReminderPolicy.offsetOverrides(text)
        } catch .unknownKey(let key) {
            throw MentordError.invalidOffsets(text: text, reason: "'\(key)' is not a step")
        } catch .invalidValue(_, let value, let expected) {
            throw MentordError.invalidOffsets(text: text, reason: "'\(value)' is not \(expected)")
        }
    }

    private static func duration(_ text: String) throws(DurationExpressionError) -> Int {
        try DurationExpression.seconds(text)
    }
}
