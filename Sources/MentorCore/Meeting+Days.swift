import Foundation

extension Meeting {
    /// The starts of the occurrences on `day` in the meeting's zone, cancelled ones left out and
    /// moved ones where they went: what a day names when a series has one meeting that day.
    public func occurrences(on day: LocalDate) -> [Date] {
        guard let from = day.firstInstant(in: timeZone), let next = day.adding(days: 1).firstInstant(in: timeZone)
        else { return [] }
        return occurrences(from: from, through: next.addingTimeInterval(-0.001), limit: 50)
    }
}
