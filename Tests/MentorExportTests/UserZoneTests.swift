import Foundation
import MentorExport
import PropertyBased
import Testing

/// The user's zone read from the system's TZif files and POSIX rules, checked against Foundation's
/// zones (ICU's reading of the same tz database).
///
/// The files come from Debian's tzdata and Foundation's zones from the toolchain's ICU: two releases
/// of the tz database, which differ wherever a country changed its rules between them. So the zones
/// compared are ones whose rules have stood since well before either release (half-hour and
/// three-quarter-hour offsets, the southern hemisphere, Lord Howe's half-hour DST and Dublin's
/// negative DST among them); zones that change often (Casablanca, Santiago, Tehran) would make the
/// test fail on a machine whose tzdata is newer or older than the toolchain, with mentord right.
struct UserZoneTests {
    static let zones = [
        "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Asia/Kathmandu",
        "Pacific/Auckland", "America/St_Johns", "Pacific/Chatham", "Europe/Dublin", "Etc/UTC",
        "Australia/Sydney", "Antarctica/Troll",
    ]

    static func file(_ name: String) throws -> UserZone {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "/usr/share/zoneinfo/\(name)")))
        return try #require(UserZone(name: name, tzif: bytes))
    }

    @Test(arguments: zones)
    func agreesWithFoundationAcrossTheYears(name: String) async throws {
        let zone = try Self.file(name)
        let reference = try #require(TimeZone(identifier: name))
        // 1970 to 2100: the file's transitions and, after them, its POSIX footer.
        await propertyCheck(count: 2000, input: Gen.int(in: 0...4_102_444_800)) { seconds in
            let instant = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(zone.offset(at: Int64(seconds)) == reference.secondsFromGMT(for: instant), "\(name) at \(instant)")
        }
    }

    @Test(arguments: zones)
    func agreesWithFoundationAroundEveryTransition(name: String) throws {
        let zone = try Self.file(name)
        let reference = try #require(TimeZone(identifier: name))
        var instant = Date(timeIntervalSince1970: 0)
        let end = Date(timeIntervalSince1970: 4_102_444_800)
        while let next = reference.nextDaylightSavingTimeTransition(after: instant), next < end {
            for delta in [-1.0, 0, 1] {
                let probe = next.addingTimeInterval(delta)
                #expect(
                    zone.offset(at: Int64(probe.timeIntervalSince1970)) == reference.secondsFromGMT(for: probe),
                    "\(name) at \(probe)")
            }
            instant = next
        }
    }

    @Test func readsPosixRulesAsTheCLibraryDoes() throws {
        let berlin = try #require(PosixZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        // 2036-03-30 00:59:59Z (the last Sunday of March) is still winter; a second later, summer.
        #expect(berlin.offset(at: 2_090_451_599) == 3600)
        #expect(berlin.offset(at: 2_090_451_600) == 7200)
        let sydney = try #require(PosixZoneRule("AEST-10AEDT,M10.1.0,M4.1.0/3"))
        #expect(sydney.offset(at: 2_082_758_400) == 11 * 3600, "January is summer down under")
        let kathmandu = try #require(PosixZoneRule("<+0545>-5:45"))
        #expect(kathmandu.offset(at: 0) == 5 * 3600 + 45 * 60)
        #expect(PosixZoneRule("UTC0")?.offset(at: 123) == 0)
        #expect(PosixZoneRule("EST5EDT")?.offset(at: 2_099_000_000) == -4 * 3600, "US rules when none are given")
        for broken in ["", "C", "CET", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.5.0", "<+05", "XYZ-200"] {
            #expect(PosixZoneRule(broken) == nil, "\(broken)")
        }
    }

    @Test func refusesWhatIsNotATZifFile() {
        #expect(UserZone(name: "x", tzif: []) == nil)
        #expect(UserZone(name: "x", tzif: Array("TZif2 but nothing after it".utf8)) == nil)
        #expect(UserZone(name: "x", tzif: Array(repeating: 0, count: 100)) == nil)
    }

    @Test func showsInstantsInTheHouseFormat() throws {
        let berlin = try Self.file("Europe/Berlin")
        #expect(HouseTime.when("2036-12-04T14:00:00.000Z", in: berlin) == "Thu 2036-12-04 15:00 +01:00")
        #expect(HouseTime.when("2036-07-03T14:30:00.000Z", in: berlin) == "Thu 2036-07-03 16:30 +02:00")
        #expect(HouseTime.when("2036-12-04T09:00:00-05:00", in: berlin) == "Thu 2036-12-04 15:00 +01:00")
        #expect(HouseTime.when("2026-12-03T13:46:08.657Z", in: berlin) == "Thu 2026-12-03 14:46:08 +01:00")
        #expect(HouseTime.minute("2026-12-03T13:46:08.657Z", in: berlin) == "Thu 2026-12-03 14:46 +01:00")
        #expect(HouseTime.when("not a time", in: berlin) == "not a time")
        let kathmandu = try Self.file("Asia/Kathmandu")
        #expect(HouseTime.when("2036-12-04T14:00:00.000Z", in: kathmandu) == "Thu 2036-12-04 19:45 +05:45")
        let newYork = try Self.file("America/New_York")
        #expect(HouseTime.when("2036-12-04T03:00:00.000Z", in: newYork) == "Wed 2036-12-03 22:00 -05:00")
    }
}

/// Terminal columns, as `wcwidth` counts them, for aligned tables.
struct DisplayWidthTests {
    @Test(arguments: [
        ("Sam", 3), ("", 0), ("Zoë", 3), ("e\u{301}", 1), ("山田太郎", 8), ("☕ Coffee", 9), ("👩‍💻", 2),
        ("ｱｲ", 2), ("ＡＢ", 4), ("한국어", 6), ("❤️", 2), ("\u{200B}x", 1),
    ])
    func countsColumns(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }
}
