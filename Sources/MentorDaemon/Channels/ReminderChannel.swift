/// A way a reminder reaches the user besides the subscribers: the desktop, the journal, a hook.
///
/// Channels are independent: one that fails or hangs never stops the others, and never holds up
/// the engine, which hands a card over and moves on.
protocol ReminderChannel: Sendable {
    /// The name used in the configuration, the log and `mentorctl test-notify`.
    var name: String { get }
    /// Delivers `card`; returns what happened in a few words (a notification id, an exit status),
    /// or throws why it could not.
    func deliver(_ card: OutgoingCard) async throws -> String
}
