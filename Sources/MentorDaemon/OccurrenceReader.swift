import Foundation
import MentorCore
import MentorProtocol

/// Reads the occurrence a call names, in the meeting's zone: a time, or a day on which the meeting
/// has exactly one occurrence (`cancel 3 --occurrence 2026-12-16` on a weekly series).
///
/// A time that names no occurrence is refused with the zone it was read in and the occurrences of
/// that day, so the user sees what to type.
enum OccurrenceReader {
    /// The occurrence `text` names.
    /// - Parameter actual: whether the instant must be where an occurrence starts now; a cancel or
    ///   a move also takes an original start, which the store checks.
    static func occurrence(_ text: String, of meeting: Meeting, now: Date, actual: Bool = true) throws -> Date {
        switch try TimeExpression.read(text, in: meeting.timeZone, from: .now(now)) {
        case .instant(let instant):
            if actual, !meeting.hasOccurrence(at: instant) { throw noSuchOccurrence(instant, of: meeting) }
            return instant
        case .day(let day):
            let starts = meeting.occurrences(on: day)
            guard starts.count == 1 else {
                if starts.isEmpty {
                    throw MentordError.noSuchOccurrence(
                        id: meeting.id, occurrence: day.description, timeZone: meeting.timeZone.identifier, sameDay: [])
                }
                throw MentordError.ambiguousOccurrence(
                    id: meeting.id, day: day.description,
                    occurrences: starts.map { RFC3339.local($0, in: meeting.timeZone) })
            }
            return starts[0]
        }
    }

    /// `NoSuchOccurrence` for `instant`, with the zone it was read in and that day's occurrences.
    static func noSuchOccurrence(_ instant: Date, of meeting: Meeting) -> MentordError {
        .noSuchOccurrence(
            id: meeting.id, occurrence: RFC3339.local(instant, in: meeting.timeZone),
            timeZone: meeting.timeZone.identifier,
            sameDay: meeting.occurrences(on: LocalDate(instant, in: meeting.timeZone)).map {
                RFC3339.local($0, in: meeting.timeZone)
            })
    }
}
