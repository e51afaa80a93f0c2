import Foundation
import MentorCore

/// The events of one UID: a single event or a series' master, and the overrides of its occurrences.
/// An override may come without its master (Exchange invitations do that): then it stands alone.
public struct EventSeries: Sendable {
    public var uid: String
    /// The event without `RECURRENCE-ID`; nil when the file holds only overrides.
    public var master: CalendarEvent?
    /// Events with a `RECURRENCE-ID`, one per original start, by original start.
    public var overrides: [CalendarEvent]

    /// Groups events by UID, in the order each UID first appears. Of two copies of the same event
    /// (same UID and `RECURRENCE-ID`), the higher `SEQUENCE` wins, and on a tie the later one.
    static func grouping(_ events: [CalendarEvent]) -> [EventSeries] {
        var order: [String] = []
        var byUID: [String: EventSeries] = [:]
        for event in events {
            if byUID[event.uid] == nil {
                order.append(event.uid)
                byUID[event.uid] = EventSeries(uid: event.uid, master: nil, overrides: [])
            }
            if let recurrenceID = event.recurrenceID {
                if let index = byUID[event.uid]!.overrides.firstIndex(where: { $0.recurrenceID == recurrenceID }) {
                    if event.sequence >= byUID[event.uid]!.overrides[index].sequence {
                        byUID[event.uid]!.overrides[index] = event
                    }
                } else {
                    byUID[event.uid]!.overrides.append(event)
                }
            } else if event.sequence >= byUID[event.uid]!.master?.sequence ?? Int.min {
                byUID[event.uid]!.master = event
            }
        }
        return order.map { uid in
            var series = byUID[uid]!
            series.overrides.sort { $0.recurrenceID! < $1.recurrenceID! }
            return series
        }
    }
}
