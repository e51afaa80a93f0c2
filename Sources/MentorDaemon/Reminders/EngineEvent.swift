import MentorCore
import MentorStore

/// What the reminder engine's loop takes, one at a time, in the order they came.
enum EngineEvent: Sendable {
    /// The timer's deadline passed.
    case timerFired
    /// A committed write changed these meetings, relationships or items.
    case changed([StoreChange])
    /// The system clock was set: every deadline moved relative to now.
    case clockStepped
    /// The configuration was reloaded with these rules.
    case rules(ReminderRules)
    /// A notification's button was pressed.
    case action(ReminderAction)
    /// A request from a handler, run in its turn with the engine's state.
    case turn(@Sendable (isolated ReminderService) async -> Void)
}
