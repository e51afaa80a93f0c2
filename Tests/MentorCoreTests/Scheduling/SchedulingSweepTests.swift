import Foundation
import MentorCore
import Testing

/// The scheduling rules at every hour of an ordinary day and of both DST change days, in three
/// zones, for single meetings and three rhythms of series: each case runs the engine's loop in
/// memory from before the first step of the occurrence on the swept day (Purpose is at most five
/// days ahead, with the weekend) until its neighbours are over: the daily series' next occurrence,
/// the others' next week.
struct SchedulingSweepTests {
    /// What the product ships with.
    static let policy = ReminderPolicy.standard

    @Test(arguments: SweepFixture.cases())
    func keepsEveryPromiseWithTheDefaultPolicy(_ sweep: SweepFixture.Case) {
        let meeting = SweepFixture.meeting(sweep)
        let onDay = SweepFixture.instant(sweep.day, hour: sweep.hour, in: sweep.zone)
        var simulation = SchedulerSimulation(
            policy: Self.policy, userZone: sweep.zone, now: onDay.addingTimeInterval(-6 * 86_400))
        simulation.start()
        simulation.add(meeting)
        simulation.run(until: onDay.addingTimeInterval((sweep.shape == .daily ? 2 : 9) * 86_400))
        let invariants = SchedulingInvariants(simulation: simulation, policy: Self.policy, userZone: sweep.zone)
        // Occurrences that started before the meeting was added have their steps missed, rightly.
        let added = onDay.addingTimeInterval(-6 * 86_400)
        let problems = invariants.violations(
            onTime: false, completeFrom: onDay.addingTimeInterval(-86_400 + 1), atOnce: [added])
        // Once added, the engine runs from deadline to deadline: every card goes out when it is due.
        let offTime = simulation.sent.filter { $0.at > onDay.addingTimeInterval(-6 * 86_400) && $0.at != $0.card.dueAt }
        #expect(offTime.isEmpty, "\(sweep): \(offTime.prefix(3))")
        #expect(problems.isEmpty, "\(sweep): \(problems.prefix(5))")
        #expect(simulation.sent.count > 0)
    }
}
