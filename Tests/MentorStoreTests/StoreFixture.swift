import Foundation
import MentorCore
import MentorStore
import MentorTestSupport

/// A fresh database file in a private directory, and helpers to make drafts.
final class StoreFixture {
    let directory: TemporaryDirectory
    let path: String
    let database: MentorDatabase
    let store: MeetingStore
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    /// 2026-11-30T10:00:00Z.
    let now = Date(timeIntervalSince1970: 1_796_032_800)

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.file("data/mentord.sqlite3")
        database = try MentorDatabase(path: path)
        store = MeetingStore(database: database)
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
}
