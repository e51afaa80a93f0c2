import Foundation
import GRDB
import MentorCore
import MentorStore
import MentorTestSupport

/// A fresh database file in a private directory, and helpers to make drafts.
final class StoreFixture {
    let directory: TemporaryDirectory
    let path: String
    let database: MentorDatabase
    let store: MeetingStore
    let relationships: RelationshipStore
    let goals: GoalStore
    let offers: OfferStore
    let answers: AnswerStore
    let captures: CaptureStore
    let actionItems: ActionItemStore
    let topics: TopicStore
    let occurrenceGoals: OccurrenceGoalStore
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    /// 2026-11-30T10:00:00Z.
    let now = Date(timeIntervalSince1970: 1_796_032_800)
    /// A carry that keeps every state as it was: what moves keep is the rules' to test, not the store's.
    static let keepEverything: LedgerCarry = { _, _, entries in entries.mapValues(\.state) }

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.file("data/mentord.sqlite3")
        database = try MentorDatabase(path: path)
        store = MeetingStore(database: database)
        relationships = RelationshipStore(database: database)
        goals = GoalStore(database: database)
        offers = OfferStore(database: database)
        answers = AnswerStore(database: database)
        captures = CaptureStore(database: database)
        actionItems = ActionItemStore(database: database)
        topics = TopicStore(database: database)
        occurrenceGoals = OccurrenceGoalStore(database: database)
    }

    deinit {
        try? database.close()
        directory.remove()
    }

    func draft(
        _ title: String = "Career chat", with partner: String = "Sam", role: Role? = .mentee,
        inHours hours: Double = 24,
        minutes: Int = 45
    ) throws -> MeetingDraft {
        try MeetingDraft(
            title: title, partner: partner, role: role, start: now.addingTimeInterval(hours * 3600), timeZone: berlin,
            durationSeconds: minutes * 60)
    }

    /// A stored meeting with `partner`, `hours` from now.
    func meeting(
        _ title: String = "Career chat", with partner: String = "Sam", role: Role? = .mentee,
        inHours hours: Double = 24
    ) async throws -> Meeting {
        try await store.add(try draft(title, with: partner, role: role, inHours: hours), now: now)
    }

    /// Counts the rows of `table`, through a separate connection.
    func rows(in table: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    /// Runs `sql` through a separate connection, as another program would.
    func execute(_ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.write { try $0.execute(sql: sql) }
    }
}
