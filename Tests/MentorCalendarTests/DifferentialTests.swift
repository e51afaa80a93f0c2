import Foundation
import MentorCalendar
import MentorCore
import MentorTestSupport
import Testing

/// mentord's reading and expansion of calendar files against recurring-ical-events, an implementation we
/// did not write (Outside/oracle_expand.py): every occurrence's start, original start, end, title and
/// status over four years, for seeded generated series and for one file per provider quirk.
///
/// Ends are compared only where the zone's offset is the same at both ends of the occurrence: mentord
/// keeps a meeting's elapsed length across a DST change, the oracle its wall-clock length
/// (docs/calendar.md lists this and the other decided disagreements, which are not generated).
struct DifferentialTests {
    static let seriesCount = 500

    @Test func generatedSeriesExpandAsTheOracleExpandsThem() throws {
        var generator = SeriesGenerator(seed: 5545)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var written: [(path: String, series: SeriesGenerator.Series)] = []
        var index = 0
        while written.count < Self.seriesCount {
            index += 1
            guard let series = generator.series(index) else { continue }
            let path = directory.path + "/series-\(index).ics"
            try Data(series.text.utf8).write(to: URL(fileURLWithPath: path))
            written.append((path, series))
        }
        let oracle = try Oracle.expand(
            written.map { .init(path: $0.path, from: $0.series.from, to: $0.series.to) },
            floatingZone: SeriesGenerator.floatingZone.identifier)
        var compared = 0
        var mismatches = 0
        for (path, series) in written {
            let zone = zoneRules(series)
            let ours = try Oracle.mentord(
                path, from: series.from, to: series.to, floatingZone: SeriesGenerator.floatingZone)
            let theirs = try #require(oracle[path])
            compared += theirs.count
            if let difference = Self.firstDifference(ours, theirs, zone: zone) {
                mismatches += 1
                Issue.record("\(series.rule) in \(series.zone): \(difference)\n\(series.text)")
                if mismatches > 5 { break }
            }
        }
        #expect(compared > 5000, "the series reach many occurrences (\(compared))")
    }

    /// The zone occurrences are compared in, for the DST check on ends.
    private func zoneRules(_ series: SeriesGenerator.Series) -> TimeZone {
        let name = series.zone.replacingOccurrences(of: " (floating)", with: "")
        return TimeZone(identifier: SeriesGenerator.windowsNames[name] ?? name)!
    }

    /// A description of the first occurrence on which the lists differ, or nil when they agree.
    static func firstDifference(_ ours: [Oracle.Occurrence], _ theirs: [Oracle.Occurrence], zone: TimeZone) -> String? {
        let order = { (a: Oracle.Occurrence, b: Oracle.Occurrence) in
            (a.start, a.original, a.summary, a.status) < (b.start, b.original, b.summary, b.status)
        }
        let ours = ours.sorted(by: order)
        let theirs = theirs.sorted(by: order)
        for (index, pair) in zip(ours, theirs).enumerated() {
            var (mine, oracle) = pair
            // Any DST change from two hours before the start to two hours after the end.
            let offsets = [oracle.start - 7_200_000, max(mine.end, oracle.end) + 7_200_000].map {
                zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double($0) / 1000))
            }
            if offsets[0] != offsets[1] { (mine.end, oracle.end) = (0, 0) }
            if mine != oracle { return "occurrence \(index): mentord \(mine), oracle \(oracle)" }
        }
        guard ours.count == theirs.count else {
            let extra =
                ours.count > theirs.count ? "mentord has \(ours[theirs.count])" : "oracle has \(theirs[ours.count])"
            return "mentord has \(ours.count) occurrences, the oracle \(theirs.count); first extra: \(extra)"
        }
        return nil
    }
}
