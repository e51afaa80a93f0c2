import Foundation
import MentorCore

/// Reads one `VEVENT` component into a ``CalendarEvent``.
struct EventReader {
    let resolver: ZoneResolver
    let limits: CalendarLimits

    func event(_ component: CalendarComponent) throws(CalendarError) -> CalendarEvent {
        guard let uid = component.property("UID")?.value, !uid.isEmpty else {
            throw .missingProperty(line: component.line, component: "VEVENT", property: "UID")
        }
        guard let startProperty = component.property("DTSTART") else {
            throw .missingProperty(line: component.line, component: "VEVENT", property: "DTSTART")
        }
        let start = try resolver.time(startProperty)
        let timeKind: CalendarEvent.TimeKind =
            switch start.value.form {
            case .date: .allDay
            case .utc: .utc
            case .local: startProperty.parameter("TZID") == nil ? .floating : .zoned
            }
        var values = 0
        var event = CalendarEvent(
            uid: uid, line: component.line,
            summary: component.property("SUMMARY").map { CalendarText.unescape($0.value) } ?? "",
            description: component.property("DESCRIPTION").map { CalendarText.unescape($0.value) } ?? "",
            start: start.instant, zone: start.zone, timeKind: timeKind,
            durationSeconds: try duration(component, start: start), recurrence: nil, recurrenceID: nil,
            status: try status(component), sequence: try sequence(component),
            organizer: component.property("ORGANIZER").map(Participant.init),
            attendees: component.properties("ATTENDEE").map(Participant.init), categories: [])
        for line in component.properties("CATEGORIES") {
            let items = CalendarText.list(line.value).map { $0.trimmingCharacters(in: .whitespaces) }
            values += items.count
            try check(values, line)
            event.categories += items.filter { !$0.isEmpty }
        }
        event.recurrence = try recurrence(component, start: start, values: &values)
        if let property = component.property("RECURRENCE-ID") {
            if let range = property.parameter("RANGE") {
                throw .unsupported(line: property.line, property: "RECURRENCE-ID", part: "RANGE=\(range)")
            }
            let original = try resolver.time(property)
            event.recurrenceID =
                original.value.form == .date && start.value.form != .date
                ? event.zone.resolve(wallTime(of: start, on: original.value.local)) : original.instant
        }
        return event
    }

    /// The error for a rule that `Recurrence` refused, naming what it refused.
    static func ruleError(_ error: RecurrenceError, line: Int) -> CalendarError {
        switch error {
        case .unsupported(let part): .unsupported(line: line, property: "RRULE", part: part)
        case .invalidRule(let text): .invalidValue(line: line, property: "RRULE", value: text, reason: "not a rule")
        case .outOfRange(let part):
            .invalidValue(line: line, property: "RRULE", value: part, reason: "out of range")
        case .conflicting(let text):
            .invalidValue(line: line, property: "RRULE", value: text, reason: "parts that cannot be combined")
        }
    }

    private func duration(
        _ component: CalendarComponent, start: (value: DateTimeValue, instant: Date, zone: any ZoneRules)
    ) throws(CalendarError) -> Int {
        if let end = component.property("DTEND") {
            let value = try resolver.time(end, isDate: start.value.form == .date)
            let seconds = Int(value.instant.timeIntervalSince(start.instant).rounded())
            guard seconds >= 0 else {
                throw .invalidValue(line: end.line, property: "DTEND", value: end.value, reason: "before DTSTART")
            }
            return seconds
        }
        if let duration = component.property("DURATION") {
            let seconds = try CalendarDuration.seconds(duration.value, line: duration.line, property: "DURATION")
            guard seconds >= 0 else {
                throw .invalidValue(
                    line: duration.line, property: "DURATION", value: duration.value, reason: "negative")
            }
            return seconds
        }
        return start.value.form == .date ? 86_400 : 0
    }

    private func status(_ component: CalendarComponent) throws(CalendarError) -> EventStatus {
        guard let property = component.property("STATUS") else { return .confirmed }
        guard let status = EventStatus(rawValue: property.value.uppercased()) else {
            throw .invalidValue(
                line: property.line, property: "STATUS", value: property.value,
                reason: "not TENTATIVE, CONFIRMED or CANCELLED")
        }
        return status
    }

    private func sequence(_ component: CalendarComponent) throws(CalendarError) -> Int {
        guard let property = component.property("SEQUENCE") else { return 0 }
        guard let sequence = Int(property.value.trimmingCharacters(in: .whitespaces)), sequence >= 0 else {
            throw .invalidValue(
                line: property.line, property: "SEQUENCE", value: property.value, reason: "not a whole number")
        }
        return sequence
    }

    /// RRULE, RDATE and EXDATE; nil when the event has none of them.
    private func recurrence(
        _ component: CalendarComponent, start: (value: DateTimeValue, instant: Date, zone: any ZoneRules),
        values: inout Int
    ) throws(CalendarError) -> RecurrenceSet? {
        if let exrule = component.property("EXRULE") {
            throw .unsupported(line: exrule.line, property: "EXRULE", part: "EXRULE (deprecated since RFC 5545)")
        }
        let rules = component.properties("RRULE")
        if rules.count > 1 {
            throw .unsupported(line: rules[1].line, property: "RRULE", part: "a second RRULE in one event")
        }
        var rule: Recurrence?
        if let line = rules.first {
            do {
                rule = try Recurrence.parse(line.value)
            } catch {
                throw Self.ruleError(error, line: line.line)
            }
        }
        let additions = try dates(component, "RDATE", start: start, values: &values)
        let exclusions = try dates(component, "EXDATE", start: start, values: &values)
        guard rule != nil || !additions.isEmpty else { return nil }
        return RecurrenceSet(rule: rule, additions: additions, exclusions: exclusions)
    }

    /// The instants of every RDATE or EXDATE line, each line with its own TZID. A date on a series at a
    /// time stands for that day's occurrence.
    private func dates(
        _ component: CalendarComponent, _ name: String,
        start: (value: DateTimeValue, instant: Date, zone: any ZoneRules), values: inout Int
    ) throws(CalendarError) -> [Date] {
        var instants: [Date] = []
        for line in component.properties(name) {
            if let kind = line.parameter("VALUE")?.uppercased(), kind == "PERIOD" {
                throw .unsupported(line: line.line, property: name, part: "VALUE=PERIOD")
            }
            for item in line.value.split(separator: ",") {
                values += 1
                try check(values, line)
                let time = try resolver.time(line, value: String(item.trimmingCharacters(in: .whitespaces)))
                if time.value.form == .date && start.value.form != .date {
                    instants.append(start.zone.resolve(wallTime(of: start, on: time.value.local)))
                } else {
                    instants.append(time.instant)
                }
            }
        }
        return instants
    }

    /// The start's wall time on the date of `day`.
    private func wallTime(of start: (value: DateTimeValue, instant: Date, zone: any ZoneRules), on day: LocalDateTime)
        -> LocalDateTime
    {
        var local = start.value.form == .local ? start.value.local : start.zone.localTime(at: start.instant)
        (local.year, local.month, local.day) = (day.year, day.month, day.day)
        return local
    }

    private func check(_ values: Int, _ line: ContentLine) throws(CalendarError) {
        guard values <= limits.valuesPerEvent else {
            throw .tooLarge(limit: "dates and categories in one event", maximum: limits.valuesPerEvent, line: line.line)
        }
    }
}
