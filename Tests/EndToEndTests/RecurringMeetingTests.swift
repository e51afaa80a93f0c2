import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// Repeating meetings: expanded in their own zone, reminding for each occurrence.
struct RecurringMeetingTests {
    @Test func keepsAWeeklyMeetingAtItsLocalTimeAcrossDST() async throws {
        try await offThePool { [self] in try keepsAWeeklyMeetingAtItsLocalTimeAcrossDSTBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func keepsAWeeklyMeetingAtItsLocalTimeAcrossDSTBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        let added = try daemon.ctl([
            "add", "Weekly 1:1", "--with", "Sam", "--role", "mentee", "--at", "2036-03-20 15:00", "--tz",
            "Europe/Berlin",
            "--repeat", "weekly",
        ])
        #expect(added.stdout.hasSuffix(", repeats FREQ=WEEKLY\n"), "\(added)")
        let upcoming = try daemon.connect().call(ListUpcoming.self, .init(from: "2036-03-20 00:00", days: 22))
        #expect(
            upcoming.occurrences.map(\.localStart) == [
                "2036-03-20T15:00:00+01:00", "2036-03-27T15:00:00+01:00", "2036-04-03T15:00:00+02:00",
                "2036-04-10T15:00:00+02:00",
            ])
        #expect(upcoming.occurrences.allSatisfy { $0.recurring && $0.reminders.count == 6 })
        let refused = try daemon.ctl(["add", "X", "--with", "Sam", "--at", "in 1h", "--repeat", "FREQ=HOURLY"])
        #expect(
            refused.stderr == "mentorctl: cannot read the repeat rule 'FREQ=HOURLY': FREQ=HOURLY is not supported\n")
    }
}
