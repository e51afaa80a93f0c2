/// When each step of a meeting reminds, and the rules that move reminders: the prep hour, quiet
/// hours, working days, merging and the order of Plan and Participation.
///
/// Defaults follow the product's schedule: Purpose 3 days before at the prep hour, Preparation 1 day
/// before, Plan 2 hours before, Participation 15 minutes before, capture 15 minutes and again 2 hours
/// after the end. A policy is global (the config file), then overridden per meeting.
public struct ReminderPolicy: Sendable, Hashable {
    /// Seconds before the start (after the end for capture steps) per step; a missing step is off.
    public var offsets: [Step: Int]
    /// The local time day-based offsets land at, in minutes after midnight.
    public var prepHourMinutes: Int
    /// Local quiet hours as minutes after midnight (`start` > `end` spans midnight); nil when off.
    public var quietHours: QuietHours?
    /// Days on which day-based steps may land, as Calendar weekdays (1 = Sunday).
    public var workingDays: Set<Int>
    /// Reminders of one meeting due within this many seconds of each other merge; 0 turns it off.
    public var mergeWithinSeconds: Int
    /// Which of Plan and Participation comes last.
    public var order: StepOrder
    /// Whether the day-based cards of several meetings due at the same prep hour come as one digest.
    public var digest: Bool
    /// How often a relationship is due for a review (``PhaseReview``), in seconds; nil turns the
    /// review question off.
    public var reviewEverySeconds: Int?

    /// Shortest and longest offset accepted: tests need seconds, nobody needs more than a month.
    public static let offsetRange = 1...(30 * 86_400)

    public init(
        offsets: [Step: Int], prepHourMinutes: Int, quietHours: QuietHours?, workingDays: Set<Int>,
        mergeWithinSeconds: Int, order: StepOrder, digest: Bool = true,
        reviewEverySeconds: Int? = PhaseReview.defaultInterval
    ) {
        self.offsets = offsets
        self.prepHourMinutes = prepHourMinutes
        self.quietHours = quietHours
        self.workingDays = workingDays
        self.mergeWithinSeconds = mergeWithinSeconds
        self.order = order
        self.digest = digest
        self.reviewEverySeconds = reviewEverySeconds
    }

    /// Whether `step` lands at the prep hour for this policy: an offset of whole days.
    public func isDayBased(_ step: Step) -> Bool {
        guard !step.isAfterMeeting, let offset = offsets[step] else { return false }
        return offset % 86_400 == 0
    }

    /// The product's defaults.
    public static let standard = ReminderPolicy(
        offsets: [
            .purpose: 3 * 86_400, .preparation: 86_400, .plan: 2 * 3600, .participation: 15 * 60, .capture: 15 * 60,
            .captureAgain: 2 * 3600,
        ],
        prepHourMinutes: 10 * 60, quietHours: QuietHours(startMinutes: 20 * 60, endMinutes: 8 * 60),
        workingDays: [2, 3, 4, 5, 6], mergeWithinSeconds: 10 * 60, order: .presenceLast)

    /// This policy with per-step overrides applied (nil in the map turns a step off).
    public func overriding(_ overrides: [Step: Int?]) -> ReminderPolicy {
        var copy = self
        for (step, offset) in overrides { copy.offsets[step] = offset }
        return copy
    }
}

/// Local hours during which reminders are held back (moved earlier).
public struct QuietHours: Sendable, Hashable {
    /// Minutes after midnight when quiet hours begin; a reminder exactly then still fires.
    public var startMinutes: Int
    /// Minutes after midnight when they end.
    public var endMinutes: Int

    public init(startMinutes: Int, endMinutes: Int) {
        self.startMinutes = startMinutes
        self.endMinutes = endMinutes
    }

    /// Whether `minutes` after midnight (with seconds as a fraction) fall inside quiet hours.
    public func contains(minutes: Double) -> Bool {
        let start = Double(startMinutes)
        let end = Double(endMinutes)
        if startMinutes == endMinutes { return false }
        return startMinutes < endMinutes ? (minutes > start && minutes < end) : (minutes > start || minutes < end)
    }
}

/// The order of the last two cues before a meeting.
public enum StepOrder: String, Sendable, Hashable, Codable, CaseIterable {
    /// Plan, then Participation: "be present" is the last thing said before the call.
    case presenceLast = "presence-last"
    /// Participation, then Plan, as the method's article lists them.
    case article
}
