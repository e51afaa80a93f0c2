/// Which cards wait for the daily digest: with `[reminders] digest = "daily"`, the day-based cards
/// of several meetings that fall due at the same prep hour come as one card listing each meeting,
/// instead of a burst of separate ones (a mentor with mentees on Monday, Tuesday and Wednesday gets
/// their Purpose cards together on Friday morning).
///
/// Only a card on time whose every step is day-based waits: a card sent late (the daemon was
/// down, a meeting added at the last minute) goes out at once, and the steps of the last hours
/// before a meeting (Plan, Participation) and the capture nudges are never held. A digest holding
/// one card sends it as it is.
public enum DigestRule {
    /// Whether `card` waits for its day's digest under `policy` (the meeting's own).
    public static func mayHold(_ card: ReminderCard, policy: ReminderPolicy) -> Bool {
        policy.digest && !card.late && !card.steps.isEmpty && card.steps.allSatisfy(policy.isDayBased)
    }
}
