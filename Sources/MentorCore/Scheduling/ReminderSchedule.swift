import Foundation

/// The ideal time of each enabled step for one occurrence of a meeting, before the ledger says
/// what already happened.
///
/// The meeting's start and end are instants; everything about the user's day (the prep hour, quiet
/// hours, working days) is read in the user's own zone, not the meeting's: a Berlin mentee with a
/// meeting arranged in Los Angeles time still gets nothing at 05:00 Berlin.
///
/// Rules, in order:
/// - day-based offsets (whole days) land at the prep hour on that local date and skip back over
///   non-working days; shorter offsets are exact;
/// - a step before the meeting that falls inside quiet hours moves to the moment quiet hours end,
///   when that is still before the start (a Monday 09:30 meeting's Plan at 07:30 comes at 08:00 the
///   same morning, not on Sunday evening); when the meeting itself starts inside quiet hours or as
///   they end, the user is up for it and the step keeps its exact time;
/// - capture nudges are never moved: they cannot come before the meeting ends;
/// - with the `article` order, Participation takes the earlier of the two last slots.
///
/// No step before the meeting is ever later than its start.
public enum ReminderSchedule {
    /// Step -> instant for the occurrence starting at `start` and ending at `end`, for a user in
    /// `zone`.
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

    /// When a series' occurrence held back until `notBefore` (its previous occurrence's end) may
    /// remind: then, or when quiet hours end if that is still before its start.
    public static func release(after notBefore: Date, start: Date, zone: TimeZone, policy: ReminderPolicy) -> Date {
        guard let quiet = policy.quietHours else { return notBefore }
        return outsideQuietHours(notBefore, meetingStart: start, quiet: quiet, zone: zone)
    }

    /// The prep hour `days` local days before the start, moved back to a working day.
    private static func dayBased(start: Date, days: Int, zone: TimeZone, policy: ReminderPolicy) -> Date {
        var day = LocalDateTime(start, in: zone).addingDays(-days)
        for _ in 0..<7 where !policy.workingDays.contains(day.weekday) { day = day.addingDays(-1) }
        return at(policy.prepHourMinutes, on: day, zone: zone) ?? start.addingTimeInterval(-TimeInterval(days * 86_400))
    }

    /// `due` moved to the end of the quiet stretch it falls in, when that end comes before the start.
    private static func outsideQuietHours(_ due: Date, meetingStart: Date, quiet: QuietHours, zone: TimeZone) -> Date {
        let local = LocalDateTime(due, in: zone)
        let minutes = Double(local.hour * 60 + local.minute) + Double(local.second) / 60
        guard quiet.contains(minutes: minutes) else { return due }
        // The end of quiet hours on the same day, or the next day's when today's has passed.
        guard let sameDay = at(quiet.endMinutes, on: local, zone: zone),
            let quietEnds = sameDay > due ? sameDay : at(quiet.endMinutes, on: local.addingDays(1), zone: zone),
            quietEnds < meetingStart
        else { return due }
        return quietEnds
    }

    /// `minutes` after midnight on the date of `day`; nil in a DST gap.
    private static func at(_ minutes: Int, on day: LocalDateTime, zone: TimeZone) -> Date? {
        LocalDateTime(year: day.year, month: day.month, day: day.day, hour: minutes / 60, minute: minutes % 60)
            .instant(in: zone)
    }
}
