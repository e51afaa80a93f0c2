import MentorExport
import Testing

/// Times inside the daemon's sentences, written again in the user's zone.
struct HouseTimeTextTests {
    static let newYork = UserZone(name: "America/New_York", rule: PosixZoneRule("EST5EDT,M3.2.0,M11.1.0")!)

    @Test func rewritesEachHouseFormTimeInTheUsersZone() {
        let text = "meeting 3 has not started yet (Thu 2036-12-04 14:00 +00:00); from Fri 2036-12-05 15:00:30 +01:00 on"
        #expect(
            HouseTime.retimed(text, in: Self.newYork)
                == "meeting 3 has not started yet (Thu 2036-12-04 09:00 -05:00); from Fri 2036-12-05 09:00:30 -05:00 on"
        )
    }

    @Test func leavesOtherTextAsItIs() {
        let text = "due 2036-12-04, at 14:00 +00:00, or Thu 2036-12-04 14:00 without an offset"
        #expect(HouseTime.retimed(text, in: Self.newYork) == text)
    }
}
