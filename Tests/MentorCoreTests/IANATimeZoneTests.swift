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

/// Zones as people type them (`IANATimeZone.typed`, what AddMeeting's timeZone goes through).
struct TypedTimeZoneTests {
    @Test(arguments: [
        ("Europe/Berlin", "Europe/Berlin"), ("europe/berlin", "Europe/Berlin"), ("EUROPE/BERLIN", "Europe/Berlin"),
        ("america/new_york", "America/New_York"), ("America/New York", "America/New_York"), ("utc", "Etc/UTC"),
        ("UTC", "Etc/UTC"), (" Asia/Kolkata ", "Asia/Kolkata"), ("GMT", "GMT"), ("US/Eastern", "US/Eastern"),
    ])
    func acceptsNamesInAnyCase(typed: String, stored: String) throws {
        #expect(try IANATimeZone.typed(typed).identifier == stored)
    }

    @Test(arguments: [
        ("Berlin", "Europe/Berlin"), ("berlin", "Europe/Berlin"), ("Europe/Berln", "Europe/Berlin"),
        ("new york", "America/New_York"), ("Kolkata", "Asia/Kolkata"), ("Amerca/Chicago", "America/Chicago"),
    ])
    func suggestsTheZoneMeant(typed: String, suggestion: String) {
        #expect(throws: TimeZoneError.misspelled(typed, suggestion: suggestion)) { try IANATimeZone.typed(typed) }
    }

    @Test(arguments: [
        ("PST", "America/Los_Angeles"), ("pst", "America/Los_Angeles"), ("EST", "America/New_York"),
        ("EST5EDT", "America/New_York"), ("CET", "Europe/Berlin"), ("MST", "America/Denver"),
        ("HST", "Pacific/Honolulu"), ("BST", "Europe/London"),
    ])
    func refusesAbbreviationsNamingTheZoneToUse(typed: String, zone: String) {
        #expect(throws: TimeZoneError.legacy(typed, use: zone)) { try IANATimeZone.typed(typed) }
    }

    @Test(arguments: ["Mars/Base", "GMT+1", "+01:00", "", "Xyzzy"])
    func refusesWhatIsNoZone(typed: String) {
        #expect(throws: TimeZoneError.unknown(typed)) { try IANATimeZone.typed(typed) }
    }
}
