import Foundation

/// The ideal time of each enabled step for one occurrence of a meeting, before the ledger says
/// what already happened.
///
/// Rules, in order: day-based offsets (whole days) land at the prep hour on that local date and
/// skip back over non-working days; shorter offsets are exact. A pre-meeting reminder inside quiet
/// hours moves earlier, to the moment quiet hours began, unless the meeting itself is in those quiet
/// hours (the user chose to be up then). Capture nudges are never moved: they cannot come before the
/// meeting ends. With the `article` order, Participation takes the earlier of the two last slots.
public enum ReminderSchedule {
    /// Step -> instant for the occurrence starting at `start` and ending at `end` in `zone`.
    public static func times(start: Date, end: Date, zone: TimeZone, policy: ReminderPolicy) -> [Step: Date] {
        var times: [Step: Date] = [:]
        for (step, offset) in policy.offsets {
            if step.isAfterMeeting {
                times[step] = end.addingTimeInterval(TimeInterval(offset))
                continue
            }
            var due =
                offset % 86_400 == 0
                ? dayBased(start: start, days: offset / 86_400, zone: zone, policy: policy)
                : start.addingTimeInterval(-TimeInterval(offset))
            if let quiet = policy.quietHours {
                due = outsideQuietHours(due, meetingStart: start, quiet: quiet, zone: zone)
            }
            times[step] = min(due, start)
        }
        if policy.order == .article, let plan = times[.plan], let participation = times[.participation],
            participation > plan
        {
            (times[.plan], times[.participation]) = (participation, plan)
        }
        return times
    }

    /// The prep hour `days` local days before the start, moved back to a working day.
    private static func dayBased(start: Date, days: Int, zone: TimeZone, policy: ReminderPolicy) -> Date {
        let calendar = Calendar.gregorian(in: zone)
        let startDay = LocalDateTime(start, in: zone)
        // Noon of the start's day: stepping whole days from noon never lands in a DST gap.
        guard
            let noon = LocalDateTime(
                year: startDay.year, month: startDay.month, day: startDay.day, hour: 12, minute: 0
            ).instant(in: zone),
            var day = calendar.date(byAdding: .day, value: -days, to: noon)
        else { return start.addingTimeInterval(-TimeInterval(days * 86_400)) }
        for _ in 0..<7 where !policy.workingDays.contains(calendar.component(.weekday, from: day)) {
            day = calendar.date(byAdding: .day, value: -1, to: day) ?? day
        }
        return atMinutes(policy.prepHourMinutes, onDayOf: day, zone: zone)
            ?? start.addingTimeInterval(-TimeInterval(days * 86_400))
    }

    private static func outsideQuietHours(_ due: Date, meetingStart: Date, quiet: QuietHours, zone: TimeZone) -> Date {
        guard quiet.contains(minutes: minutesOfDay(due, zone: zone)) else { return due }
        // A meeting inside the same quiet stretch: the user will be up, keep the exact cue.
        if quiet.contains(minutes: minutesOfDay(meetingStart, zone: zone)),
            meetingStart.timeIntervalSince(due) < 12 * 3600
        {
            return due
        }
        let calendar = Calendar.gregorian(in: zone)
        guard var began = atMinutes(quiet.startMinutes, onDayOf: due, zone: zone) else { return due }
        if began > due { began = calendar.date(byAdding: .day, value: -1, to: began) ?? began }
        return began
    }

    private static func minutesOfDay(_ instant: Date, zone: TimeZone) -> Double {
        let local = LocalDateTime(instant, in: zone)
        return Double(local.hour * 60 + local.minute) + Double(local.second) / 60
    }

    /// `minutes` after midnight on the local date of `day`; nil in a DST gap.
    private static func atMinutes(_ minutes: Int, onDayOf day: Date, zone: TimeZone) -> Date? {
        let date = LocalDateTime(day, in: zone)
        return LocalDateTime(
            year: date.year, month: date.month, day: date.day, hour: minutes / 60, minute: minutes % 60
        )
        .instant(in: zone)
    }
}
