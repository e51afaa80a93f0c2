import Foundation
import MentorCore
import Testing

/// What people do to their reminders, at every hour of an ordinary and both DST days in three
/// zones, on a daily series (whose next occurrence is always near) with the shipped policy: snooze
/// the steps of a merged card in any order, mark a step done, move or cancel an occurrence, be away
/// across a meeting, hold a meeting so short that capture would merge into the card before it.
struct SchedulingScenarioSweepTests {
    enum Scenario: String, CaseIterable, Sendable {
        case snoozeMergedCard
        case done
        case move
        case cancel
        case downtime
        case shortMeetingCapture
    }

    struct Case: CustomStringConvertible, Sendable {
        var sweep: SweepFixture.Case
        var scenario: Scenario
        var description: String { "\(sweep) \(scenario.rawValue)" }
    }

    static let cases = SweepFixture.cases(shapes: [.daily]).flatMap { sweep in
        Scenario.allCases.map { Case(sweep: sweep, scenario: $0) }
    }

    /// Steps close enough to merge into one card with the default ten-minute window.
    static let merging: [Step: Int?] = [
        .purpose: 30 * 60, .preparation: 25 * 60, .plan: 22 * 60, .participation: 5 * 60, .capture: 15 * 60,
        .captureAgain: 2 * 3600,
    ]

    @Test(arguments: cases)
    func keepsEveryPromise(_ sweeping: Case) throws {
        let sweep = sweeping.sweep
        var meeting = SweepFixture.meeting(
            sweep, durationSeconds: sweeping.scenario == .shortMeetingCapture ? 60 : 3600)
        meeting.reminderOverrides =
            sweeping.scenario == .shortMeetingCapture
            ? [.purpose: 120, .preparation: 100, .plan: 80, .participation: 30, .capture: 10, .captureAgain: 60]
            : Self.merging
        let onDay = SweepFixture.instant(sweep.day, hour: sweep.hour, in: sweep.zone)
        let policy = ReminderPolicy.standard
        var simulation = SchedulerSimulation(
            policy: policy, userZone: sweep.zone, now: onDay.addingTimeInterval(-2 * 86_400))
        simulation.start()
        simulation.add(meeting)
        // The occurrence on the swept day: its start may have moved off the hour in a DST gap.
        let today = try #require(
            meeting.occurrences(from: onDay.addingTimeInterval(-3600), through: onDay.addingTimeInterval(3600)).first)
        var snoozed = false
        var movedAt = Date.distantPast
        switch sweeping.scenario {
        case .snoozeMergedCard:
            let firstCard = try #require(simulation.scheduler.rules.times(of: meeting, startingAt: today)[.purpose])
            simulation.run(until: firstCard.addingTimeInterval(1))
            let card = try #require(simulation.sent.last?.card)
            // A different order at each hour; every order comes up in every zone and day.
            let orders: [[Step]] = [
                [.purpose, .preparation, .plan], [.purpose, .plan, .preparation], [.preparation, .purpose, .plan],
                [.preparation, .plan, .purpose], [.plan, .purpose, .preparation], [.plan, .preparation, .purpose],
            ]
            for (index, step) in orders[sweep.hour % orders.count].enumerated() where card.steps.contains(step) {
                try simulation.snooze(
                    meeting.id, [step], until: simulation.now.addingTimeInterval(TimeInterval(60 * (3 + index))))
            }
            snoozed = true
        case .done:
            simulation.done(meeting.id, [.preparation], occurrence: today)
        case .move:
            let firstCard = try #require(simulation.scheduler.rules.times(of: meeting, startingAt: today)[.purpose])
            simulation.run(until: firstCard.addingTimeInterval(1))
            movedAt = simulation.now
            simulation.move(meeting.id, original: today, from: today, to: today.addingTimeInterval(1800))
        case .cancel:
            simulation.cancel(meeting.id, original: today)
        case .downtime:
            simulation.run(until: today.addingTimeInterval(-3 * 3600))
            simulation.downtime(until: today.addingTimeInterval(30 * 60))
        case .shortMeetingCapture:
            break
        }
        simulation.run(until: onDay.addingTimeInterval(1.5 * 86_400))
        let invariants = SchedulingInvariants(simulation: simulation, policy: policy, userZone: sweep.zone)
        let problems = invariants.violations(
            onTime: false, completeFrom: today.addingTimeInterval(1), snoozesAllowed: snoozed,
            atOnce: [onDay.addingTimeInterval(-2 * 86_400), today.addingTimeInterval(30 * 60)])
        #expect(problems.isEmpty, "\(sweeping): \(problems.prefix(5))")
        let todays = simulation.sent.filter { $0.card.occurrence == today }
        switch sweeping.scenario {
        case .snoozeMergedCard:
            let entries = simulation.entries(meeting.id, today)
            #expect(
                !entries.values.contains { $0.state == .snoozed }, "\(sweeping): a snooze never came back \(entries)")
            let before = todays.filter { $0.card.steps.contains { !$0.isAfterMeeting } }
            #expect(before.allSatisfy { $0.at < today }, "\(sweeping)")
        case .done:
            #expect(!todays.contains { $0.card.steps.contains(.preparation) }, "\(sweeping): a done step fired")
        case .move:
            // A step shown before the move comes again only if its new time was still ahead then.
            let moved = today.addingTimeInterval(1800)
            let newTimes = simulation.scheduler.rules.times(of: simulation.meetings[meeting.id]!, startingAt: moved)
            let again = simulation.sent.filter { $0.card.occurrence == moved }.flatMap(\.card.steps)
                .filter { step in todays.contains { $0.card.steps.contains(step) } }
            #expect(again.allSatisfy { newTimes[$0]! > movedAt }, "\(sweeping): shown again though passed: \(again)")
            #expect(Set(again).count == again.count, "\(sweeping)")
        case .cancel:
            #expect(todays.isEmpty, "\(sweeping): a cancelled occurrence reminded")
        case .downtime:
            #expect(!todays.contains { $0.at >= today && $0.card.steps.contains { !$0.isAfterMeeting } }, "\(sweeping)")
            #expect(todays.contains { $0.card.steps.contains(.capture) }, "\(sweeping): capture after the downtime")
        case .shortMeetingCapture:
            let capture = todays.first { $0.card.steps.contains(.capture) }
            #expect(
                capture.map { $0.at >= today.addingTimeInterval(60) } == true, "\(sweeping): capture before the end")
        }
    }
}
