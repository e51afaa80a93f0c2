import MentorProtocol
import Testing

struct VarlinkErrorTests {
    static let everyMentordError: [MentordError] = [
        .noSuchMeeting(id: 7), .alreadyCancelled(id: 7), .invalidTimeZone(name: "Mars/Base"),
        .invalidTime(text: "2026-02-30 15:00", reason: "no such date or time"),
        .nonexistentLocalTime(text: "2026-03-29 02:30", timeZone: "Europe/Berlin"), .invalidDuration(text: "45"),
        .durationOutOfRange(seconds: 0), .emptyText(field: "title"),
        .textTooLong(field: "title", length: 201, limit: 200),
        .multilineText(field: "partner"), .controlCharacter(field: "title", codePoint: 0x1B),
        .roleRequired(partner: "Bob"), .ambiguousPartner(partner: "Sam"),
        .invalidMessage(reason: "not JSON"), .messageTooLarge(limit: 1_048_576), .tooManyConnections(limit: 256),
        .storageFailure(reason: "database is locked"),
        .invalidOffsets(text: "plan=soon", reason: "'soon' is not a duration"),
        .cannotSnooze(meetingId: 3, step: .plan, reason: "the meeting starts first"),
        .invalidRecurrence(text: "FREQ=YEARLY", reason: "FREQ=YEARLY is not supported"),
        .noSuchOccurrence(id: 2, occurrence: "2036-03-21T14:00:00.000Z"),
        .noSuchOccurrence(
            id: 2, occurrence: "2036-03-21T15:00:00+01:00", timeZone: "Europe/Berlin",
            sameDay: ["2036-03-21T18:30:00+01:00"]),
        .notASeries(id: 2),
        .invalidTimeZone(name: "Berlin", suggestion: "Europe/Berlin"),
        .legacyTimeZone(name: "PST", zone: "America/Los_Angeles"),
        .timeInPast(field: "start", text: "2026-12-01 10:00", resolved: "2026-12-01T10:00:00+01:00"),
        .ambiguousOccurrence(
            id: 3, day: "2036-03-21", occurrences: ["2036-03-21T09:00:00+01:00", "2036-03-21T18:00:00+01:00"]),
        .noSuchRelationship(id: 4), .noSuchPartner(partner: "Kim"), .relationshipExists(partner: "Sam", role: "mentee"),
        .relationshipHasMeetings(id: 4, meetings: 3), .meetingNotInRelationship(meetingId: 9, relationshipId: 4),
        .noSuchGoal(id: 5), .noSuchOffer(id: 6), .noSuchActionItem(id: 7), .noSuchTopic(id: 8),
        .invalidDate(field: "due", text: "2026-02-30"), .ratingOutOfRange(field: "usefulness", value: 9),
        .tooMany(field: "commitments", count: 51, limit: 50),
        .cannotBackUp(path: "/dev/null", reason: "not a regular file"),
        .databaseDamaged(path: "/tmp/m.sqlite3", reason: "Tree 7 page 8: btreeInitPage() returns error code 11"),
        .emailTaken(email: "sam@example.org", partner: "Sam"), .invalidEmail(field: "email", text: "sam at home"),
        .calendarUnreadable(path: "/tmp/x.ics", reason: "line 3: END:VEVENT without its BEGIN"),
        .calendarTooLarge(path: "/tmp/x.ics", bytes: 70_000_000, limit: 67_108_864),
        .partnersNeeded(
            path: "/tmp/x.ics",
            events: [
                .init(
                    uid: "a@b", title: "1:1", start: "2026-12-03T14:00:00.000Z",
                    localStart: "2026-12-03T15:00:00+01:00", reason: "no partner")
            ]),
        .ambiguousName(
            name: "sa",
            candidates: [
                .init(partner: "Sam", role: .mentee, relationshipId: 1, meetingId: 3),
                .init(partner: "Samira Khan", role: .mentor, relationshipId: 2),
            ]),
        .noMeetingWith(partner: "Kim"),
        .noSuchCalendar(name: "work"), .calendarExists(name: "Work"), .calendarInConfiguration(name: "team"),
        .invalidCalendarSource(location: "ftp://x/y", reason: "only http and https URLs are followed, not ftp"),
        .invalidMatchRule(rule: "color:red", reason: "'color:red' is not category:WORD, title:WORD or attendee"),
        .calendarOwnsMeeting(id: 3, calendar: "work"),
    ]

    @Test(arguments: everyMentordError)
    func roundTripsThroughTheWire(error: MentordError) throws {
        let reply = VarlinkCodec.encodeError(error)
        let header = try VarlinkCodec.decodeReplyHeader(Array(reply.dropLast()))
        let name = try #require(header.error)
        #expect(name.hasPrefix("io.mentord."))
        let parameters = try VarlinkCodec.decodeReplyParameters(JSONValue.self, from: Array(reply.dropLast()))
        #expect(MentordError(name: name, parameters: parameters) == error)
        #expect(!error.message.isEmpty)
    }

    @Test func usesTheInterfaceNamesAndParameterNames() throws {
        let error = MentordError.textTooLong(field: "title", length: 201, limit: 200)
        #expect(error.name == "io.mentord.TextTooLong")
        #expect(
            error.parameters == .object(["field": .string("title"), "length": .integer(201), "limit": .integer(200)]))
        #expect(VarlinkServiceError.permissionDenied.name == "org.varlink.service.PermissionDenied")
        #expect(VarlinkServiceError.permissionDenied.parameters == .object([:]))
        #expect(VarlinkServiceError.invalidParameter(parameter: "id").name == "org.varlink.service.InvalidParameter")
    }

    @Test func declaresEveryErrorInTheInterfaceFile() throws {
        let declared = Set(
            InterfaceDescriptions.ioMentord.split(separator: "\n").filter { $0.hasPrefix("error ") }
                .map { String($0.dropFirst(6).prefix { $0 != " " }) })
        let coded = Set(Self.everyMentordError.map { String($0.name.dropFirst("io.mentord.".count)) })
        #expect(declared == coded)
    }

    @Test func readsUnknownErrorsAsRemoteErrors() {
        let unknown = VarlinkRemoteError(name: "com.example.Oops", parameters: .object(["x": .integer(1)]))
        #expect(unknown.known == nil)
        #expect(unknown.message == "com.example.Oops {\"x\":1}")
        let known = VarlinkRemoteError(name: "io.mentord.NoSuchMeeting", parameters: .object(["id": .integer(4)]))
        #expect(known.message == "no meeting with id 4")
    }

    /// The interface declares ids as `int`: a strict client must read them back as integers, and
    /// ids above 2^53 must not come back rounded.
    @Test(arguments: [Int64(9_007_199_254_740_993), 123_456_789_012_345_678, .min, .max, 0, -1])
    func keepsIntegerParametersExact(id: Int64) throws {
        let error = MentordError.noSuchMeeting(id: id)
        let reply = Array(VarlinkCodec.encodeError(error).dropLast())
        #expect(String(decoding: reply, as: UTF8.self).contains("\"parameters\":{\"id\":\(id)}"))
        let parameters = try VarlinkCodec.decodeReplyParameters(JSONValue.self, from: reply)
        #expect(MentordError(name: error.name, parameters: parameters) == error)
    }
}

/// The lines mentorctl prints for the time and zone errors: what was typed, what it was read as,
/// and what to type instead.
struct TimeErrorMessageTests {
    @Test func saysWhichZoneAndWhatToTypeInstead() {
        #expect(
            MentordError.invalidTimeZone(name: "Berlin", suggestion: "Europe/Berlin").message
                == "unknown time zone 'Berlin': did you mean Europe/Berlin?")
        #expect(
            MentordError.legacyTimeZone(name: "PST", zone: "America/Los_Angeles").message
                == "'PST' is an abbreviation, not a place: it keeps one offset all year or names no city, so summer "
                + "times come out an hour off; use America/Los_Angeles (or the city you meet in)")
    }

    @Test func showsWhatATimeInThePastWasReadAs() {
        #expect(
            MentordError.timeInPast(field: "start", text: "today 09:00", resolved: "2026-12-03T09:00:00+01:00")
                .message == "'today 09:00' is Thu 2026-12-03 09:00 +01:00, in the past; the start must lie ahead"
                + " (--past records a meeting that happened)")
        #expect(
            MentordError.timeInPast(field: "dueOn", text: "2026-12-02", resolved: "2026-12-02").message
                == "'2026-12-02' is 2026-12-02, in the past; the due date must lie ahead")
    }

    @Test func listsTheOccurrencesOfTheDay() {
        #expect(
            MentordError.noSuchOccurrence(
                id: 3, occurrence: "2026-12-16T14:00:00+05:30", timeZone: "Asia/Kolkata",
                sameDay: ["2026-12-16T18:30:00+05:30"]
            ).message
                == "meeting 3 has no occurrence at Wed 2026-12-16 14:00 +05:30 (read in Asia/Kolkata); "
                + "that day it has Wed 2026-12-16 18:30 +05:30")
        #expect(
            MentordError.ambiguousOccurrence(
                id: 3, day: "2026-12-16", occurrences: ["2026-12-16T09:00:00+01:00", "2026-12-16T18:00:00+01:00"]
            ).message
                == "meeting 3 has 2 occurrences on 2026-12-16 (Wed 2026-12-16 09:00 +01:00, "
                + "Wed 2026-12-16 18:00 +01:00): give the time too")
    }
}
