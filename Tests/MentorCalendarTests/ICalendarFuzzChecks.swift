import Foundation
import MentorCalendar
import MentorCore

/// The calendar fuzzer's checks, in one place for Fuzz/ICalendarFuzzer.swift (scripts/fuzz compiles
/// this file into the harness, which traps on a broken property) and for FuzzCorpusReplayTests, which
/// replays Fuzz/corpus/icalendar through them. Plain Swift: no Testing.
///
/// Input: the bytes of a calendar file. It is read as `mentorctl import` will read it; every series is
/// expanded over the 400 days from its first start. Properties: reading twice gives the same result;
/// a line an error names exists in the input; occurrences ascend, stay in the window, are no more than
/// asked for, and carry a length that is not negative.
enum ICalendarFuzzChecks {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let day = 86_400.0

    /// The properties `bytes` breaks, described; empty when it breaks none.
    static func broken(_ bytes: [UInt8]) -> [String] {
        var broken: [String] = []
        func expect(_ holds: Bool, _ property: @autoclosure () -> String) {
            if !holds { broken.append(property()) }
        }
        let lines = bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let file: CalendarFile
        do {
            file = try CalendarFile.read(bytes, floatingZone: berlin)
        } catch {
            let again = Result { () throws(CalendarError) in try CalendarFile.read(bytes, floatingZone: berlin) }
            if case .failure(let second) = again { expect(second == error, "a second read fails otherwise") }
            if let line = line(of: error) { expect((1...lines).contains(line), "\(error) names no line of the input") }
            return broken
        }
        for refusal in file.refused {
            if let line = line(of: refusal.error) {
                expect((1...lines).contains(line), "\(refusal.error) names no line of the input")
            }
        }
        let second = try? CalendarFile.read(bytes, floatingZone: berlin)
        expect(second?.series.map(\.uid) == file.series.map(\.uid), "a second read finds other series")
        for series in file.series {
            guard let first = series.master?.start ?? series.overrides.first?.start else { continue }
            let (from, through) = (first - day, first + 400 * day)
            let found = series.occurrences(from: from, through: through, limit: 200)
            expect(found.count <= 200, "\(series.uid): more than 200")
            expect(zip(found, found.dropFirst()).allSatisfy { $0.start <= $1.start }, "\(series.uid): not by start")
            expect(found.allSatisfy { from <= $0.start && $0.start <= through }, "\(series.uid): outside the window")
            expect(found.allSatisfy { $0.durationSeconds >= 0 }, "\(series.uid): a negative length")
        }
        return broken
    }

    private static func line(of error: CalendarError) -> Int? {
        switch error {
        case .tooLarge(_, _, let line), .syntax(let line, _), .unbalanced(let line, _, _),
            .missingProperty(let line, _, _), .invalidValue(let line, _, _, _), .unknownTimeZone(let line, _, _),
            .unsupported(let line, _, _):
            line
        case .notACalendar: nil
        }
    }
}
