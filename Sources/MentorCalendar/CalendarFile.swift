import Foundation
import MentorCore

/// A calendar file as read: its events grouped into series, and the events it could not use, each with
/// the reason.
///
/// Properties, parameters and components mentord does not read (vendor extensions, other registered
/// names, alarms and to-dos) are ignored, as RFC 5545 asks. A series is refused whole when any of its
/// events is, so that an occurrence is never shown at the time of a master whose override could not
/// be read.
public struct CalendarFile: Sendable {
    /// An event that cannot be used, and why: ``CalendarError/unsupported(line:property:part:)`` names
    /// what mentord does not read.
    public struct Refusal: Sendable {
        /// nil when the event has no UID.
        public var uid: String?
        public var summary: String
        public var error: CalendarError
    }

    /// `X-WR-CALNAME`, the calendar's name as Google and Apple write it.
    public var name: String?
    /// `X-WR-TIMEZONE` as written, when given.
    public var timeZoneName: String?
    /// Every usable event, by UID, in file order.
    public var series: [EventSeries]
    public var refused: [Refusal]

    /// Reads `bytes`. `floatingZone` is where times without a zone are read when the calendar names no
    /// zone of its own (`X-WR-TIMEZONE`): the user's zone.
    /// - Throws: ``CalendarError`` when the file as a whole cannot be read (not iCalendar, components
    ///   that do not nest, a limit passed); a bad event is refused, not thrown.
    public static func read(
        _ bytes: [UInt8], floatingZone: any ZoneRules, limits: CalendarLimits = CalendarLimits()
    ) throws(CalendarError) -> CalendarFile {
        let calendars = try CalendarReader.components(bytes, limits: limits).filter { $0.name == "VCALENDAR" }
        var file = CalendarFile(name: nil, timeZoneName: nil, series: [], refused: [])
        var events: [CalendarEvent] = []
        for calendar in calendars {
            file.name = file.name ?? calendar.property("X-WR-CALNAME").map { CalendarText.unescape($0.value) }
            let calendarZoneName = calendar.property("X-WR-TIMEZONE")?.value
            file.timeZoneName = file.timeZoneName ?? calendarZoneName
            var defined: [String: DefinedTimeZone] = [:]
            for component in calendar.components where component.name == "VTIMEZONE" {
                // A zone that cannot be read is left out; events that need it are refused by TZID.
                if let zone = try? DefinedTimeZone(component) { defined[zone.identifier] = zone }
            }
            // Like the x-wr-timezone package: an unknown name changes nothing.
            let calendarZone = calendarZoneName.flatMap(ZoneResolver.named)
            let reader = EventReader(
                resolver: ZoneResolver(
                    defined: defined, floating: calendarZone ?? floatingZone, calendarZone: calendarZone),
                limits: limits)
            for component in calendar.components where component.name == "VEVENT" {
                do {
                    events.append(try reader.event(component))
                } catch {
                    file.refused.append(
                        Refusal(
                            uid: component.property("UID")?.value,
                            summary: component.property("SUMMARY").map { CalendarText.unescape($0.value) } ?? "",
                            error: error))
                }
            }
        }
        let refusedUIDs = Set(file.refused.compactMap(\.uid))
        file.series = EventSeries.grouping(events.filter { !refusedUIDs.contains($0.uid) })
        return file
    }
}
