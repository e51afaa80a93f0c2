import Foundation
import MentorCore

/// The promises the reminders keep, checked on what a ``SchedulerSimulation`` sent. Each is stated
/// from the product's rules, not from how the planner computes them.
struct SchedulingInvariants {
    let simulation: SchedulerSimulation
    let policy: ReminderPolicy
    let userZone: TimeZone

    /// Everything broken, one line each (empty when all hold).
    /// - Parameters:
    ///   - onTime: the engine ran without a gap, so every card went out exactly when it was due.
    ///   - completeFrom: every enabled step of each occurrence starting from here whose last capture
    ///     nudge passed before the simulation's end was sent or done.
    ///   - snoozesAllowed: a step may come twice, once shown and once after a snooze.
    ///   - atOnce: instants when the user was there and passed steps went out at once (a meeting
    ///     added, the daemon resumed): quiet hours and working days do not hold those back.
    func violations(
        onTime: Bool = true, completeFrom: Date? = nil, snoozesAllowed: Bool = false, atOnce: Set<Date> = []
    ) -> [String] {
        var problems: [String] = []
        var seen: [String: Int] = [:]
        for sent in simulation.sent {
            let card = sent.card
            guard let meeting = simulation.meetings[card.meetingID] else {
                problems.append("a card of unknown meeting \(card.meetingID)")
                continue
            }
            let start = card.occurrence
            let end = start.addingTimeInterval(TimeInterval(meeting.durationSeconds))
            let policy = simulation.scheduler.rules.policy(for: meeting)
            let when = describe(sent.at)
            for step in card.steps {
                seen["\(card.meetingID) \(start.millisecondsSince1970) \(step)", default: 0] += 1
                if step.isAfterMeeting && sent.at < end { problems.append("\(step) at \(when), before the end") }
                if !step.isAfterMeeting && sent.at >= start {
                    problems.append("\(step) at \(when), after the start \(describe(start))")
                }
            }
            if Set(card.steps.map(\.isAfterMeeting)).count > 1 {
                problems.append("a card across the meeting: \(card.steps)")
            }
            if onTime && sent.at != card.dueAt {
                problems.append("\(card.steps) due \(describe(card.dueAt)) sent \(when)")
            }
            // Rule 2: nothing of a series' occurrence before the previous one ended.
            if meeting.recurrence != nil, let previous = meeting.occurrence(before: start),
                sent.at < previous.addingTimeInterval(TimeInterval(meeting.durationSeconds))
            {
                problems.append("\(card.steps) of \(describe(start)) at \(when), before the previous occurrence ended")
            }
            // Rule 3: a card before the meeting comes inside quiet hours only when the meeting itself
            // starts before those quiet hours end (the user is up for it).
            if let quiet = policy.quietHours, !atOnce.contains(sent.at), !card.steps.contains(where: \.isAfterMeeting),
                quiet.contains(minutes: minutes(sent.at)), let quietEnds = next(quiet.endMinutes, after: sent.at),
                quietEnds < start
            {
                problems.append("\(card.steps) at \(when), in quiet hours, though they end before the start")
            }
            // Day-based steps land on working days, unless held back or late.
            if !card.late, !atOnce.contains(sent.at),
                card.steps.contains(where: { policy.offsets[$0].map { $0 % 86_400 == 0 } ?? false }),
                !policy.workingDays.contains(Calendar.gregorian(userZone).component(.weekday, from: sent.at))
            {
                problems.append("\(card.steps) at \(when), not a working day")
            }
        }
        for (key, count) in seen where count > 1 && !snoozesAllowed { problems.append("\(key) sent \(count) times") }
        if simulation.refusedClaims > 0 { problems.append("\(simulation.refusedClaims) claims refused") }
        if let completeFrom { problems += missing(from: completeFrom) }
        return problems
    }

    /// Steps of finished occurrences that were neither sent nor done.
    private func missing(from: Date) -> [String] {
        var problems: [String] = []
        let sentKeys = Set(
            simulation.sent.flatMap { sent in
                sent.card.steps.map { "\(sent.card.meetingID) \(sent.card.occurrence.millisecondsSince1970) \($0)" }
            })
        for meeting in simulation.meetings.values where meeting.status == .scheduled {
            for start in meeting.occurrences(from: from, through: simulation.now, limit: 200) {
                let times = simulation.scheduler.rules.times(of: meeting, startingAt: start)
                guard let last = times.values.max(), last <= simulation.now else { continue }
                let entries = simulation.entries(meeting.id, start)
                for step in times.keys.sorted() {
                    let key = "\(meeting.id) \(start.millisecondsSince1970) \(step)"
                    let fate = entries[step]?.state
                    if !sentKeys.contains(key) && fate != .done && fate != .suppressed {
                        problems.append(
                            "\(step) of \(describe(start)) never sent (\(fate.map(\.rawValue) ?? "no entry"))")
                    }
                }
            }
        }
        return problems
    }

    private func minutes(_ instant: Date) -> Double {
        let local = LocalDateTime(instant, in: userZone)
        return Double(local.hour * 60 + local.minute) + Double(local.second) / 60
    }

    private func next(_ minutes: Int, after instant: Date) -> Date? {
        let calendar = Calendar.gregorian(userZone)
        for days in 0...2 {
            guard let day = calendar.date(byAdding: .day, value: days, to: instant) else { continue }
            let local = LocalDateTime(day, in: userZone)
            if let candidate = LocalDateTime(
                year: local.year, month: local.month, day: local.day, hour: minutes / 60, minute: minutes % 60
            ).instant(in: userZone), candidate > instant {
                return candidate
            }
        }
        return nil
    }

    private func describe(_ instant: Date) -> String { RFC3339.local(instant, in: userZone) }
}
