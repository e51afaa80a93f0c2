/// How much of a card a desktop notification shows (`[desktop] privacy`).
///
/// Pop-ups, the notification history and the lock screen are seen by whoever looks at the screen:
/// while sharing it in a call with one mentee, a card about another must not show their goals.
public enum NotificationPrivacy: String, Sendable, Hashable, CaseIterable {
    /// The headline and each step's first questions, filled with goals, summaries and open items.
    case full
    /// The step, the partner and the time alone ("Participation: Sam in 15m"); nothing of goals,
    /// summaries, questions or titles. `mentorctl watch` still shows everything.
    case headline
}
