import MentorCore
import Testing

struct DurationExpressionTests {
    @Test(arguments: [
        ("45m", 2700), ("1h30m", 5400), ("90s", 90), ("2d", 172_800), ("1w", 604_800), ("0", 0),
        ("1h 30m", 5400), ("3 days", 259_200), ("15min", 900), ("2H", 7200), ("10 seconds", 10),
    ])
    func readsDurations(text: String, seconds: Int) throws {
        #expect(try DurationExpression.seconds(text) == seconds)
    }

    @Test(arguments: ["", "45", "-5m", "m", "5x", "1.5h", "h1", "1h-", "99999999999999999999s", "5m!"])
    func refusesWhatIsNotADuration(text: String) {
        #expect(throws: DurationExpressionError.invalid(text)) { try DurationExpression.seconds(text) }
    }
}
