import MentorCore
import Testing

struct IANATimeZoneTests {
    @Test(arguments: ["Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/UTC", "UTC", "Australia/Lord_Howe"])
    func acceptsZonesOfTheTzDatabase(name: String) throws {
        #expect(try IANATimeZone.named(name).secondsFromGMT() > -86_400)
    }

    @Test(arguments: ["Mars/Base", "GMT+1", "UTC+2", "europe/berlin", "", "Berlin", "+01:00"])
    func refusesEverythingElse(name: String) {
        #expect(throws: TimeZoneError.unknown(name)) { try IANATimeZone.named(name) }
    }
}
