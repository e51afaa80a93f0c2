import Foundation
import GRDB
import Synchronization

/// What a committed write changed that the reminder engine must look at again.
///
/// The database reports these itself after each commit (``MentorDatabase/onChange(_:)``), so no
/// handler has to remember to tell the engine after a write.
public enum StoreChange: Sendable, Hashable {
    /// A meeting was added, edited, cancelled or deleted, or one of its occurrences moved, or its
    /// ledger was written outside the engine (a capture, answers).
    case meeting(Int64)
    /// A relationship changed: its offsets reach every meeting of it.
    case relationship(Int64)
    /// An action item changed: its due date may remind.
    case actionItem(Int64)
}

/// Collects the changes of a transaction from SQLite's update hook and hands them over once it
/// commits; a rolled-back transaction changed nothing.
///
/// Rows are recognised by table and rowid, which is the id in `meeting`, `relationship` and
/// `action_item`. A write to a table keyed otherwise (the ledger, exceptions, captures) notes its
/// meeting with ``note(_:)`` inside the same transaction.
final class ChangeObserver: TransactionObserver, Sendable {
    private let pending = Mutex<Set<StoreChange>>([])
    private let handler = Mutex<(@Sendable ([StoreChange]) -> Void)?>(nil)

    private static let tables: Set<String> = ["meeting", "relationship", "action_item"]

    /// Sets where committed changes go (replacing any earlier handler).
    func onChange(_ handler: @escaping @Sendable ([StoreChange]) -> Void) {
        self.handler.withLock { $0 = handler }
    }

    /// Adds a change to the transaction under way.
    func note(_ change: StoreChange) {
        pending.withLock { _ = $0.insert(change) }
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        Self.tables.contains(eventKind.tableName)
    }

    func databaseDidChange(with event: DatabaseEvent) {
        switch event.tableName {
        case "meeting": note(.meeting(event.rowID))
        case "relationship": note(.relationship(event.rowID))
        case "action_item": note(.actionItem(event.rowID))
        default: break
        }
    }

    func databaseDidCommit(_ db: Database) {
        let changes = pending.withLock { pending in
            defer { pending = [] }
            return pending
        }
        guard !changes.isEmpty, let handler = handler.withLock({ $0 }) else { return }
        handler(changes.sorted { "\($0)" < "\($1)" })
    }

    func databaseDidRollback(_ db: Database) {
        pending.withLock { $0 = [] }
    }
}
