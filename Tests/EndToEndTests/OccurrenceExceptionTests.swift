import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// One occurrence of a series cancelled or moved, the rest untouched.
struct OccurrenceExceptionTests {
    @Test func cancelsAndMovesSingleOccurrences() async throws {
        try await offThePool { [self] in try cancelsAndMovesSingleOccurrencesBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func cancelsAndMovesSingleOccurrencesBlocking() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        _ = try daemon.ctl([
            "add", "Weekly 1:1", "--with", "Sam", "--role", "mentee", "--at", "2036-03-20 15:00", "--tz",
            "Europe/Berlin",
            "--repeat", "weekly",
        ])
        let cancelled = try daemon.ctl(["cancel", "1", "--occurrence", "2036-03-27 15:00"])
        #expect(
            cancelled.stdout
                == "Cancelled the Thu 2036-03-27 14:00 +00:00 occurrence of Weekly 1:1 (meeting 1)\n", "\(cancelled)")
        let moved = try daemon.ctl(["edit", "1", "--occurrence", "2036-04-03 15:00", "--at", "2036-04-02 09:30"])
        #expect(moved.status == 0, "\(moved)")
        let upcoming = try daemon.connect().call(ListUpcoming.self, .init(from: "2036-03-20 00:00", days: 22))
        #expect(
            upcoming.occurrences.map(\.localStart) == [
                "2036-03-20T15:00:00+01:00", "2036-04-02T09:30:00+02:00", "2036-04-10T15:00:00+02:00",
            ])
        #expect(
            upcoming.occurrences[1].reminders.first { $0.step == .participation }?.localAt
                == "2036-04-02T09:15:00+02:00")
        let missing = try daemon.ctl(["cancel", "1", "--occurrence", "2036-03-28 15:00"])
        #expect(
            missing.status == 1
                && missing.stderr
                    == "mentorctl: meeting 1 has no occurrence at Fri 2036-03-28 14:00 +00:00 (read in Europe/Berlin)\n"
        )
        let both = try daemon.ctl([
            "edit", "1", "--occurrence", "2036-04-10 15:00", "--at", "2036-04-11 15:00", "--title", "x",
        ])
        #expect(both.status == 64)
        // A meeting that does not repeat has no occurrences to change: the refusal says what does.
        _ = try daemon.ctl(["add", "Once", "--with", "Sam", "--role", "mentee", "--at", "2036-03-20 18:00"])
        for arguments in [["cancel", "2"], ["edit", "2", "--at", "2036-03-21 18:00"]] {
            let single = try daemon.ctl(arguments + ["--occurrence", "2036-03-20 18:00"])
            #expect(
                single.status == 1
                    && single.stderr
                        == "mentorctl: meeting 2 does not repeat: cancel it with 'mentorctl cancel 2', "
                        + "or move it with 'mentorctl edit 2 --at TIME'\n",
                "\(single)")
        }
    }
}
