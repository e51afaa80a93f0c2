import Foundation
import MentorCore
import Testing

/// The scheduling rules at every hour of an ordinary day and of both DST change days, in three
/// zones, for single meetings and three rhythms of series: each case runs the engine's loop in
/// memory from the day a meeting is added to well after its third occurrence.
struct SchedulingSweepTests {
    /// What the product ships with.
    static let policy = ReminderPolicy.standard

    @Test(arguments: SweepFixture.cases())
    func keepsEveryPromiseWithTheDefaultPolicy(_ sweep: SweepFixture.Case) {
        let meeting = SweepFixture.meeting(sweep)
        let added = meeting.start.addingTimeInterval(-10 * 86_400)
        var simulation = SchedulerSimulation(policy: Self.policy, userZone: sweep.zone, now: added)
        simulation.start()
        simulation.add(meeting)
        let onDay = SweepFixture.instant(sweep.day, hour: sweep.hour, in: sweep.zone)
        simulation.run(until: onDay.addingTimeInterval(9 * 86_400))
        let invariants = SchedulingInvariants(simulation: simulation, policy: Self.policy, userZone: sweep.zone)
        let problems = invariants.violations(completeFrom: meeting.start)
        #expect(problems.isEmpty, "\(sweep): \(problems.prefix(5))")
        #expect(simulation.sent.count > 0)
    }
}
