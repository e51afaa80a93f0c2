import MentorProtocol
import MentorStore

/// The handlers that act on the database file as a whole: `Backup`.
struct StorageMethods: Sendable {
    let database: MentorDatabase

    func register(in table: inout MethodTable) {
        table.register(Backup.self) { parameters in
            let bytes = try await database.backup(to: parameters.path)
            return Backup.Reply(database: database.path, path: parameters.path, bytes: bytes)
        }
    }
}
