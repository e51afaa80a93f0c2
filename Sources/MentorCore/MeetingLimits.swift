/// Upper bounds on user-controlled sizes, so no single call can grow the database without limit.
public enum MeetingLimits {
    /// Longest title, in characters.
    public static let titleLength = 200
    /// Longest partner name, in characters.
    public static let partnerLength = 100
    /// Longest purpose text, in characters.
    public static let purposeLength = 4_000
    /// Shortest meeting, in seconds (tests use second-long meetings).
    public static let minimumDurationSeconds = 1
    /// Longest meeting: a full day.
    public static let maximumDurationSeconds = 24 * 3600
    /// Default length when none is given.
    public static let defaultDurationSeconds = 3600
}
