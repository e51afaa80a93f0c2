/// The errors declared in `io.mentord.varlink`, one case each, with the same parameter names.
public enum MentordError: VarlinkError, Equatable {
    public static let interface = "io.mentord"

    case noSuchMeeting(id: Int64)
    case alreadyCancelled(id: Int64)
    case invalidTimeZone(name: String, suggestion: String? = nil)
    case legacyTimeZone(name: String, zone: String)
    case timeInPast(field: String, text: String, resolved: String)
    case ambiguousOccurrence(id: Int64, day: String, occurrences: [String])
    case invalidTime(text: String, reason: String)
    case nonexistentLocalTime(text: String, timeZone: String)
    case invalidDuration(text: String)
    case durationOutOfRange(seconds: Int)
    case emptyText(field: String)
    case textTooLong(field: String, length: Int, limit: Int)
    case multilineText(field: String)
    case controlCharacter(field: String, codePoint: Int)
    case roleRequired(partner: String)
    case ambiguousPartner(partner: String)
    case invalidMessage(reason: String)
    case messageTooLarge(limit: Int)
    case tooManyConnections(limit: Int)
    case invalidOffsets(text: String, reason: String)
    case cannotSnooze(meetingId: Int64, step: Wire.Step, reason: String, due: String? = nil)
    case invalidRecurrence(text: String, reason: String)
    case noSuchOccurrence(id: Int64, occurrence: String, timeZone: String? = nil, sameDay: [String]? = nil)
    case notASeries(id: Int64)
    case storageFailure(reason: String)
    case noSuchRelationship(id: Int64)
    case noSuchPartner(partner: String)
    case ambiguousName(name: String, candidates: [Wire.PartnerCandidate])
    case noMeetingWith(partner: String)
    case relationshipExists(partner: String, role: String)
    case relationshipHasMeetings(id: Int64, meetings: Int)
    case meetingNotInRelationship(meetingId: Int64, relationshipId: Int64)
    case noSuchGoal(id: Int64)
    case noSuchOffer(id: Int64)
    case noSuchActionItem(id: Int64)
    case noSuchTopic(id: Int64)
    case invalidDate(field: String, text: String)
    case ratingOutOfRange(field: String, value: Int)
    case tooMany(field: String, count: Int, limit: Int)
    case cannotBackUp(path: String, reason: String)
    case databaseDamaged(path: String, reason: String)
    case emailTaken(email: String, partner: String)
    case invalidEmail(field: String, text: String)
    case calendarUnreadable(path: String, reason: String)
    case calendarTooLarge(path: String, bytes: Int, limit: Int)
    case partnersNeeded(path: String, events: [Wire.SkippedEvent])
    case noSuchCalendar(name: String)
    case calendarExists(name: String)
    case calendarInConfiguration(name: String)
    case invalidCalendarSource(location: String, reason: String)
    case invalidMatchRule(rule: String, reason: String)
    case calendarOwnsMeeting(id: Int64, calendar: String)

    /// One line for a person, naming the offending value; times as the daemon wrote them.
    public var message: String { message(showingTimes: DisplayText.when) }

    /// One line for a person, with every instant the error carries written by `when`: mentorctl
    /// shows them in its user's zone, which need not be the daemon's or the meeting's.
    public func message(showingTimes when: (String) -> String) -> String {
        switch self {
        case .noSuchMeeting(let id): "no meeting with id \(id)"
        case .alreadyCancelled(let id): "meeting \(id) is already cancelled"
        case .invalidTimeZone(let name, let suggestion):
            if let suggestion {
                "unknown time zone '\(name)': did you mean \(suggestion)?"
            } else {
                "unknown time zone '\(name)' (use an IANA name such as Europe/Berlin)"
            }
        case .legacyTimeZone(let name, let zone):
            "'\(name)' is an abbreviation, not a place: it keeps one offset all year or names no city, "
                + "so summer times come out an hour off; use \(zone) (or the city you meet in)"
        case .timeInPast(let field, let text, let resolved):
            "'\(text)' is \(when(resolved)), in the past; the \(Self.fieldName(field)) must lie ahead"
                + (["start", "to"].contains(field) ? " (--past records a meeting that happened)" : "")
        case .ambiguousOccurrence(let id, let day, let occurrences):
            "meeting \(id) has \(occurrences.count) occurrences on \(day) ("
                + occurrences.map(when).joined(separator: ", ") + "): give the time too"
        case .invalidTime(let text, let reason): "cannot read the time '\(text)': \(reason)"
        case .nonexistentLocalTime(let text, let zone):
            "'\(text)' does not exist in \(zone): the clocks skip it at a daylight-saving change"
        case .invalidDuration(let text): "'\(text)' is not a duration (examples: 45m, 1h30m, 90s)"
        case .durationOutOfRange(let seconds): "a meeting lasts 1 second to 24 hours, not \(seconds) seconds"
        case .emptyText(let field): "the \(field) must not be empty"
        case .textTooLong(let field, let length, let limit):
            "the \(field) has \(length) characters; the limit is \(limit)"
        case .multilineText(let field): "the \(field) must fit on one line"
        case .controlCharacter(let field, let codePoint):
            "the \(field) must not contain U+\(Self.hex(codePoint)) "
                + ((0x202A...0x202E).contains(codePoint) || (0x2066...0x2069).contains(codePoint)
                    ? "(a bidirectional control)" : "(a control character)")
        case .roleRequired(let partner): "\(partner) is new: say whether you are their mentor or mentee (--role)"
        case .ambiguousPartner(let partner): "you are both mentor and mentee of \(partner): say which (--role)"
        case .invalidMessage(let reason): "the daemon could not read the call: \(reason)"
        case .messageTooLarge(let limit): "the message exceeds the daemon's limit of \(limit) bytes"
        case .tooManyConnections(let limit): "the daemon already serves \(limit) connections; try again later"
        case .invalidOffsets(let text, let reason): "cannot read the offsets '\(text)': \(reason)"
        case .cannotSnooze(let id, let step, let reason, let due):
            "cannot snooze \(step.title) of meeting \(id): \(due.map { Self.notDueReason(when($0)) } ?? reason)"
        case .invalidRecurrence(let text, let reason): "cannot read the repeat rule '\(text)': \(reason)"
        case .noSuchOccurrence(let id, let occurrence, let zone, let sameDay):
            "meeting \(id) has no occurrence at \(when(occurrence))"
                + (zone.map { " (read in \($0))" } ?? "")
                + (sameDay.map {
                    $0.isEmpty ? "" : "; that day it has " + $0.map(when).joined(separator: ", ")
                }
                    ?? "")
        case .notASeries(let id):
            "meeting \(id) does not repeat: cancel it with 'mentorctl cancel \(id)', "
                + "or move it with 'mentorctl edit \(id) --at TIME'"
        case .storageFailure(let reason): "the database could not complete the call, nothing changed: \(reason)"
        case .noSuchRelationship(let id): "no relationship with id \(id)"
        case .noSuchPartner(let partner): "no relationship with \(partner) (see 'mentorctl relationship list')"
        case .ambiguousName(let name, let candidates):
            "'\(name)' could be \(candidates.map(\.label).joined(separator: " or ")): "
                + "type more of the name, or use the id"
        case .noMeetingWith(let partner): "no meeting with \(partner) is scheduled (add one with 'mentorctl add')"
        case .relationshipExists(let partner, let role): "you already are the \(role) of \(partner)"
        case .relationshipHasMeetings(let id, let meetings):
            "relationship \(id) has \(meetings) meetings; delete them too with --force, or keep it"
        case .meetingNotInRelationship(let meeting, let relationship):
            "meeting \(meeting) is not part of relationship \(relationship)"
        case .noSuchGoal(let id): "no learning goal with id \(id)"
        case .noSuchOffer(let id): "no offer with id \(id)"
        case .noSuchActionItem(let id): "no action item with id \(id)"
        case .noSuchTopic(let id): "no parked topic with id \(id)"
        case .invalidDate(let field, let text):
            "the \(Self.fieldName(field)) '\(text)' is not a date (write 2026-12-10, Dec 10, friday or tomorrow)"
        case .ratingOutOfRange(let field, let value): "the \(field) rating is 1 to 5, not \(value)"
        case .tooMany(let field, let count, let limit): "at most \(limit) \(field), not \(count)"
        case .cannotBackUp(let path, let reason): "cannot back up to \(path): \(reason)"
        case .databaseDamaged(let path, let reason):
            "\(path) is damaged (\(reason)); mentord writes nothing more to it. To go on, "
                + "restore a copy made with 'mentorctl backup' (stop mentord, put the copy in its place), or "
                + "recover what is readable with 'sqlite3 \(path) .recover | sqlite3 recovered.sqlite3'"
        case .emailTaken(let email, let partner): "\(email) is already the address of \(partner)"
        case .invalidEmail(let field, let text): "the \(field) '\(text)' is not an e-mail address"
        case .calendarUnreadable(let path, let reason): "cannot import \(path): \(reason); nothing was imported"
        case .calendarTooLarge(let path, let bytes, let limit):
            "cannot import \(path): \(bytes) bytes, more than the \(limit) mentord reads; nothing was imported"
        case .partnersNeeded(let path, let events):
            "no event of \(path) is with a known partner (\(events.count) event\(events.count == 1 ? "" : "s") "
                + "need one): import with --with NAME --role ROLE, or give the partner an address with "
                + "'mentorctl relationship edit NAME --email ADDRESS'; nothing was imported"
        case .noSuchCalendar(let name): "no followed calendar named \(name) (see 'mentorctl calendar list')"
        case .calendarExists(let name): "a followed calendar named \(name) already exists (choose another --name)"
        case .calendarInConfiguration(let name):
            "the calendar \(name) is defined in the configuration file; change or remove it there and reload"
        case .invalidCalendarSource(let location, let reason): "cannot follow \(location): \(reason)"
        case .invalidMatchRule(let rule, let reason): "cannot read the rule '\(rule)': \(reason)"
        case .calendarOwnsMeeting(let id, let calendar):
            "meeting \(id) comes from the calendar \(calendar), which owns its times and title: change it there"
        }
    }
}

extension MentordError {
    /// Why a step that has not been shown cannot be snoozed, `due` being its own time as shown.
    /// One sentence for the daemon's `reason` and for a client that writes `due` its own way.
    public static func notDueReason(_ due: String) -> String {
        "it is not due until \(due); snooze it once it has been shown, or pick a later time"
    }

    /// A wire field as a person says it: `dueOn` is the due date.
    static func fieldName(_ field: String) -> String {
        [
            "dueOn": "due date", "targetDate": "target date", "nextStart": "next meeting", "start": "start",
            "to": "new start", "startedOn": "start date",
        ][field] ?? field
    }

    /// `codePoint` as Unicode writes it: at least four upper-case hex digits.
    static func hex(_ codePoint: Int) -> String {
        let digits = String(codePoint, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension VarlinkServiceError {
    /// One line for a person.
    public var message: String {
        switch self {
        case .interfaceNotFound(let interface): "the daemon does not serve the interface \(interface)"
        case .methodNotFound(let method): "the daemon has no method \(method) (is it older than this client?)"
        case .methodNotImplemented(let method): "\(method) does not support this kind of call"
        case .invalidParameter(let parameter): "invalid or missing parameter '\(parameter)'"
        case .permissionDenied: "permission denied"
        case .expectedMore: "this method must be called with more: true"
        }
    }
}
