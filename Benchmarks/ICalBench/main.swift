// ical-bench: reads one calendar file with MentorCalendar and expands every timed series over a window,
// as `mentorctl import` will; Benchmarks/ical_import.py times it against python icalendar +
// recurring-ical-events on the same file.
//
//   ical-bench FILE FROM TO ZONE     FROM and TO as Unix seconds, ZONE the floating zone (IANA)
//
// Prints one JSON object: series, refused events and occurrences found (all-day events left out).

import Foundation
import MentorCalendar
import MentorCore

let arguments = CommandLine.arguments
guard arguments.count == 5, let from = Double(arguments[2]), let to = Double(arguments[3]),
    let zone = try? IANATimeZone.named(arguments[4])
else {
    FileHandle.standardError.write(Data("usage: ical-bench FILE FROM TO ZONE\n".utf8))
    exit(2)
}
do {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: arguments[1])))
    let file = try CalendarFile.read(bytes, floatingZone: zone)
    var occurrences = 0
    var series = 0
    for entry in file.series where !(entry.master?.isAllDay ?? entry.overrides.first?.isAllDay ?? false) {
        series += 1
        occurrences +=
            entry.occurrences(
                from: Date(timeIntervalSince1970: from), through: Date(timeIntervalSince1970: to - 0.001),
                limit: 1_000_000
            ).count
    }
    print("{\"series\": \(series), \"refused\": \(file.refused.count), \"occurrences\": \(occurrences)}")
} catch {
    FileHandle.standardError.write(Data("ical-bench: \(error)\n".utf8))
    exit(1)
}
