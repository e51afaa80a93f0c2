import Foundation
import MentorCore

/// Why the store refused an operation. Every case carries the value it is about.
public enum StoreError: Error, Sendable, Equatable {
    /// The file exists but is not an SQLite database. It was not touched.
    case notADatabase(path: String)
    /// SQLite reports the file as damaged, at opening or later. Nothing more is written to it.
    case corrupt(path: String, reason: String)
    /// The database was written by a newer mentord: it holds migrations this version does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// The file or its directory could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// No meeting has this id.
    case noSuchMeeting(id: Int64)
    /// A new partner was named without saying whether the user is their mentor or mentee.
    case roleRequired(partner: String)
    /// The partner has two relationships (one per role) and the call did not say which.
    case ambiguousPartner(partner: String)
    /// The meeting is already cancelled.
    case alreadyCancelled(id: Int64)
    /// The series has no occurrence starting then.
    case noSuchOccurrence(id: Int64, occurrence: Date)
    /// SQLite could not complete the transaction (locked, full, read-only); nothing was changed.
    case databaseFailure(reason: String)
    /// No relationship has this id.
    case noSuchRelationship(id: Int64)
    /// No relationship with this partner (in this role, when given).
    case noSuchPartner(partner: String, role: Role?)
    /// A relationship with this partner (case-insensitive) in this role already exists.
    case relationshipExists(partner: String, role: Role)
    /// The relationship still has meetings; deleting it needs `force`, which deletes them too.
    case relationshipHasMeetings(id: Int64, count: Int)
    /// The meeting belongs to another relationship than the one the call is about.
    case meetingNotInRelationship(meetingID: Int64, relationshipID: Int64)
    /// No learning goal has this id.
    case noSuchGoal(id: Int64)
    /// No offer has this id.
    case noSuchOffer(id: Int64)
    /// No action item has this id.
    case noSuchActionItem(id: Int64)
    /// No parked topic has this id.
    case noSuchTopic(id: Int64)
    /// The database already holds the configured maximum of meetings.
    case tooManyMeetings(count: Int, limit: Int)
    /// No backup was written to `path`; `reason` says why (not a regular file, disk full, ...).
    case cannotBackUp(path: String, reason: String)
    /// Another relationship (with this partner) already has this e-mail address.
    case emailTaken(email: String, partner: String)
    /// No followed calendar has this name.
    case noSuchCalendar(name: String)
    /// A followed calendar already has this name (any case).
    case calendarExists(name: String)
    /// The calendar is defined in the configuration file, which alone changes or removes it.
    case calendarInConfiguration(name: String)
    /// The meeting comes from a followed calendar, which owns its times and title.
    case calendarOwnsMeeting(id: Int64, calendar: String)
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notADatabase(let path): "\(path) is not an SQLite database; it was left untouched"
        case .corrupt(let path, let reason):
            "\(path) is damaged (\(reason)); mentord writes nothing more to it. To go on, "
                + "restore a copy made with 'mentorctl backup' (stop mentord, put the copy in its place), or "
                + "recover what is readable with 'sqlite3 \(path) .recover | sqlite3 recovered.sqlite3'"
        case .newerSchema(let path, let unknown):
            "\(path) was written by a newer mentord (unknown migrations: \(unknown.joined(separator: ", "))); "
                + "it was left untouched"
        case .cannotOpen(let path, let reason): "cannot open \(path): \(reason)"
        case .noSuchMeeting(let id): "no meeting with id \(id)"
        case .roleRequired(let partner): "a role is required for the new partner \(partner)"
        case .ambiguousPartner(let partner): "\(partner) has relationships in both roles"
        case .alreadyCancelled(let id): "meeting \(id) is already cancelled"
        case .noSuchOccurrence(let id, let occurrence): "meeting \(id) has no occurrence at \(RFC3339.utc(occurrence))"
        case .databaseFailure(let reason): "database failure: \(reason)"
        case .noSuchRelationship(let id): "no relationship with id \(id)"
        case .noSuchPartner(let partner, let role):
            role.map { "no relationship with \(partner) as \($0 == .mentor ? "my mentee" : "my mentor")" }
                ?? "no relationship with \(partner)"
        case .relationshipExists(let partner, let role):
            "a relationship with \(partner) as \(role == .mentor ? "my mentee" : "my mentor") already exists"
        case .relationshipHasMeetings(let id, let count):
            "relationship \(id) has \(count) meeting\(count == 1 ? "" : "s"); force deletes them too"
        case .meetingNotInRelationship(let meetingID, let relationshipID):
            "meeting \(meetingID) does not belong to relationship \(relationshipID)"
        case .noSuchGoal(let id): "no learning goal with id \(id)"
        case .noSuchOffer(let id): "no offer with id \(id)"
        case .noSuchActionItem(let id): "no action item with id \(id)"
        case .tooManyMeetings(let count, let limit): "\(count) meetings stored, the limit is \(limit)"
        case .noSuchTopic(let id): "no parked topic with id \(id)"
        case .cannotBackUp(let path, let reason): "cannot back up to \(path): \(reason)"
        case .emailTaken(let email, let partner): "\(email) is already the address of \(partner)"
        case .noSuchCalendar(let name): "no followed calendar named \(name)"
        case .calendarExists(let name): "a followed calendar named \(name) already exists"
        case .calendarInConfiguration(let name):
            "the calendar \(name) is defined in the configuration file; change or remove it there"
        case .calendarOwnsMeeting(let id, let calendar):
            "meeting \(id) comes from the calendar \(calendar), which owns its times and title; change it there"
        }
    }
}
