import Foundation
import MentorCalendar
import MentorCore
import MentorTestSupport

/// recurring-ical-events (PyPI, with icalendar and x-wr-timezone, pinned in scripts/install-deps), run
/// once over many files by Outside/oracle_expand.py.
enum Oracle {
    /// One occurrence as the oracle or mentord sees it; instants as Unix milliseconds.
    struct Occurrence: Codable, Hashable, CustomStringConvertible {
        var original: Int64
        var start: Int64
        var end: Int64
        var summary: String
        var status: String

        var description: String {
            let format = { (ms: Int64) in RFC3339.utc(Date(timeIntervalSince1970: Double(ms) / 1000)) }
            return "\(format(start))..\(format(end)) (original \(format(original))) \(summary) \(status)"
        }
    }

    /// A file to expand over `from..<to`.
    struct Request {
        var path: String
        var from: Date
        var to: Date
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Outside/oracle_expand.py").path

    /// The oracle's occurrences of each file, by path; floating times read in `floatingZone`.
    static func expand(_ requests: [Request], floatingZone: String) throws -> [String: [Occurrence]] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let manifest: [String: Any] = [
            "floatingZone": floatingZone,
            "files": requests.map { ["path": $0.path, "from": milliseconds($0.from), "to": milliseconds($0.to)] },
        ]
        let manifestPath = directory.path + "/manifest.json"
        try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: manifestPath))
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", script, manifestPath])
        guard result.status == 0 else { throw OracleFailure(result: result) }
        let found = try JSONDecoder().decode([String: [Occurrence]].self, from: Data(result.stdout.utf8))
        // No STATUS is CONFIRMED (RFC 5545's default), which is how mentord reports it.
        return found.mapValues { list in
            list.map { occurrence in
                var occurrence = occurrence
                if occurrence.status.isEmpty { occurrence.status = "CONFIRMED" }
                return occurrence
            }
        }
    }

    /// mentord's occurrences of the file at `path` over `from..<to`, in the oracle's terms.
    static func mentord(_ path: String, from: Date, to: Date, floatingZone: TimeZone) throws -> [Occurrence] {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let file = try CalendarFile.read(bytes, floatingZone: floatingZone)
        if let refusal = file.refused.first { throw RefusedByMentord(error: refusal.error) }
        return file.series.filter { !($0.master?.isAllDay ?? $0.overrides.first?.isAllDay ?? false) }
            .flatMap { $0.occurrences(from: from, through: to.addingTimeInterval(-0.001), limit: 100_000) }
            .map {
                Occurrence(
                    original: milliseconds($0.original), start: milliseconds($0.start),
                    end: milliseconds($0.start) + Int64($0.durationSeconds) * 1000, summary: $0.title,
                    status: $0.status.rawValue)
            }
            .sorted { ($0.start, $0.summary) < ($1.start, $1.summary) }
    }

    static func milliseconds(_ instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 * 1000).rounded())
    }

    struct OracleFailure: Error, CustomStringConvertible {
        var result: ProcessResult
        var description: String {
            "oracle_expand.py failed (scripts/install-deps test installs its packages): \(result)"
        }
    }

    struct RefusedByMentord: Error, CustomStringConvertible {
        var error: CalendarError
        var description: String { "mentord refused an event: \(error)" }
    }
}
