import MentorCore
import MentorProtocol
import MentorStore

/// Turns what the core and the store throw into the errors the interface declares.
///
/// Handlers just throw; this is the one place that decides what a caller sees. Anything not
/// listed is a bug or an unexpected system failure and is reported as a storage failure with its
/// description rather than crashing the daemon or leaving the caller without a reply.
enum WireErrorMapping {
    static func varlinkError(for error: any Error) -> any VarlinkError {
        switch error {
        case let error as any VarlinkError: return error
        case let error as StoreError: return map(error)
        case let error as MeetingValidationError: return map(error)
        case let error as TimeExpressionError: return map(error)
        case .invalid(let text) as DurationExpressionError: return MentordError.invalidDuration(text: text)
        case let error as TimeZoneError: return map(error)
        case let error as PastTimeError:
            return MentordError.timeInPast(field: error.field, text: error.text, resolved: error.resolved)
        default: return MentordError.storageFailure(reason: "\(error)")
        }
    }

    private static func map(_ error: StoreError) -> MentordError {
        switch error {
        case .noSuchMeeting(let id): .noSuchMeeting(id: id)
        case .alreadyCancelled(let id): .alreadyCancelled(id: id)
        case .roleRequired(let partner): .roleRequired(partner: partner)
        case .ambiguousPartner(let partner): .ambiguousPartner(partner: partner)
        case .databaseFailure(let reason): .storageFailure(reason: reason)
        case .noSuchOccurrence(let id, let occurrence): .noSuchOccurrence(id: id, occurrence: RFC3339.utc(occurrence))
        case .notADatabase(let path): .storageFailure(reason: "\(path) is not a database")
        case .corrupt(let path, let reason): .databaseDamaged(path: path, reason: reason)
        case .newerSchema(let path, _): .storageFailure(reason: "\(path) was written by a newer mentord")
        case .cannotOpen(let path, let reason): .storageFailure(reason: "\(path): \(reason)")
        case .noSuchRelationship(let id): .noSuchRelationship(id: id)
        case .noSuchPartner(let partner, _): .noSuchPartner(partner: partner)
        case .relationshipExists(let partner, let role): .relationshipExists(partner: partner, role: role.rawValue)
        case .relationshipHasMeetings(let id, let count): .relationshipHasMeetings(id: id, meetings: count)
        case .meetingNotInRelationship(let meeting, let relationship):
            .meetingNotInRelationship(meetingId: meeting, relationshipId: relationship)
        case .noSuchGoal(let id): .noSuchGoal(id: id)
        case .noSuchOffer(let id): .noSuchOffer(id: id)
        case .noSuchActionItem(let id): .noSuchActionItem(id: id)
        case .noSuchTopic(let id): .noSuchTopic(id: id)
        case .tooManyMeetings(let count, let limit): .tooMany(field: "meetings", count: count, limit: limit)
        case .cannotBackUp(let path, let reason): .cannotBackUp(path: path, reason: reason)
        case .emailTaken(let email, let partner): .emailTaken(email: email, partner: partner)
        case .noSuchCalendar(let name): .noSuchCalendar(name: name)
        case .calendarExists(let name): .calendarExists(name: name)
        case .calendarInConfiguration(let name): .calendarInConfiguration(name: name)
        case .calendarOwnsMeeting(let id, let calendar): .calendarOwnsMeeting(id: id, calendar: calendar)
        }
    }

    private static func map(_ error: MeetingValidationError) -> MentordError {
        switch error {
        case .emptyText(let field): .emptyText(field: field)
        case .textTooLong(let field, let length, let limit): .textTooLong(field: field, length: length, limit: limit)
        case .multilineText(let field): .multilineText(field: field)
        case .controlCharacter(let field, let codePoint): .controlCharacter(field: field, codePoint: codePoint)
        case .durationOutOfRange(let seconds): .durationOutOfRange(seconds: seconds)
        case .invalidDay(let field, let text): .invalidDate(field: field, text: text)
        case .ratingOutOfRange(let field, let value): .ratingOutOfRange(field: field, value: value)
        case .tooMany(let field, let count, let limit): .tooMany(field: field, count: count, limit: limit)
        case .invalidEmail(let field, let text): .invalidEmail(field: field, text: text)
        }
    }

    private static func map(_ error: TimeZoneError) -> MentordError {
        switch error {
        case .unknown(let name): .invalidTimeZone(name: name)
        case .misspelled(let name, let suggestion): .invalidTimeZone(name: name, suggestion: suggestion)
        case .legacy(let name, let zone): .legacyTimeZone(name: name, zone: zone)
        }
    }

    private static func map(_ error: TimeExpressionError) -> MentordError {
        switch error {
        case .invalidSyntax(let text):
            .invalidTime(
                text: text,
                reason: "not a time mentord understands (try 2026-12-03 15:00, tomorrow 15:00, thu 3pm, in 2h)")
        case .unreadable(let text, let advice): .invalidTime(text: text, reason: advice)
        case .impossibleDate(let text): .invalidTime(text: text, reason: "no such date or time")
        case .nonexistentLocalTime(let text, let zone): .nonexistentLocalTime(text: text, timeZone: zone)
        }
    }
}
