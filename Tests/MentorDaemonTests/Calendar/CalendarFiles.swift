import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport

/// Calendar files for import tests: the provider fixtures of MentorCalendarTests, and small files
/// written by the tests.
enum CalendarFiles {
    /// A provider fixture (`google`, `outlook`, `nextcloud`, `icloud`, `thunderbird`).
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("MentorCalendarTests/Fixtures/\(name).ics").path
    }

    /// A calendar of `events` (each the lines between BEGIN:VEVENT and END:VEVENT), CRLF-terminated.
    static func calendar(_ events: [[String]]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mentord tests//import//EN"]
        for event in events { lines += ["BEGIN:VEVENT", "DTSTAMP:20360601T000000Z"] + event + ["END:VEVENT"] }
        return (lines + ["END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
    }

    /// Writes `text` as `name` in the daemon's directory and returns its path.
    static func write(_ text: String, as name: String, in directory: TemporaryDirectory) throws -> String {
        let path = directory.file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

extension InProcessDaemon {
    /// Imports the file at `path`, every event with Sam as the user's mentor unless `partner` is nil.
    func importCalendar(_ path: String, partner: String? = "Sam", dryRun: Bool? = nil) async throws
        -> ImportCalendar.Reply
    {
        try await call(
            ImportCalendar.self,
            .init(path: path, partner: partner, role: partner == nil ? nil : .mentee, dryRun: dryRun))
    }

    /// Writes `text` and imports it.
    func importCalendar(text: String, name: String = "calendar.ics", partner: String? = "Sam") async throws
        -> ImportCalendar.Reply
    {
        try await importCalendar(CalendarFiles.write(text, as: name, in: directory), partner: partner)
    }

    /// Every occurrence between `from` and `days` later, all pages.
    func upcoming(from: Date, days: Int) async throws -> [Wire.Occurrence] {
        var result: [Wire.Occurrence] = []
        var after: String?
        repeat {
            let page = try await call(ListUpcoming.self, .init(from: RFC3339.utc(from), days: days, after: after))
            result += page.occurrences
            after = page.next
        } while after != nil
        return result
    }
}

extension InProcessDaemon {
    /// The declared error a call is refused with, if it is refused with one.
    func refusal<Method: VarlinkMethod>(_ method: Method.Type, _ parameters: Method.Parameters) async
        -> (any VarlinkError)?
    {
        guard case .remote(let remote)? = await error(method, parameters) as? VarlinkConnectionError else { return nil }
        return remote.known
    }
}
