import Foundation
import MentorCore

/// Why the store refused an operation. Every case carries the value it is about.
public enum StoreError: Error, Sendable, Equatable {
    /// The file exists but is not an SQLite database. It was not touched.
    case notADatabase(path: String)
    /// SQLite reports the file as damaged. It was not touched.
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
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notADatabase(let path): "\(path) is not an SQLite database; it was left untouched"
        case .corrupt(let path, let reason): "\(path) is damaged (\(reason)); it was left untouched"
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
        }
    }
}
