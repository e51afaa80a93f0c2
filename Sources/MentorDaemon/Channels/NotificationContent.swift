import MentorCore
import MentorProtocol
import SystemdKit

/// What a reminder looks like as a desktop notification: summary, body, buttons and urgency.
///
/// Pure, so the text is tested without a bus. The body uses markup only when the server lists
/// `body-markup`, and then escapes every piece of user text: a meeting title is data, and
/// `<b>` in it must show as typed.
enum NotificationContent {
    /// The action keys the daemon understands in `ActionInvoked`.
    static let snoozeKey = "snooze"
    static let doneKey = "done"
    static let openKey = "default"

    /// Prompts shown per step of a card with several steps: a notification is a glance, the full
    /// list is in `mentorctl prep`. A card of one step shows all of its (at most five), so the
    /// method's core habits, listed after the carried data, are on screen too.
    static let promptsPerStep = 3

    static func notification(
        for card: OutgoingCard, capabilities: Set<String>, replacing: UInt32, canOpen: Bool,
        privacy: NotificationPrivacy = .full
    ) -> DesktopNotification {
        let reminder = card.reminder
        let markup = capabilities.contains("body-markup")
        func text(_ plain: String) -> String { markup ? escape(plain) : plain }
        var lines: [String] = []
        switch privacy {
        case .headline:
            break
        case .full:
            lines.append(text(sentenceCase(DisplayText.timing(reminder)) + (reminder.late ? " (sent late)" : "")))
            let perStep = reminder.prompts.count > 1 ? promptsPerStep : PromptCatalog.limit
            for section in reminder.prompts {
                let heading = section.step.title
                if reminder.prompts.count > 1 { lines.append(markup ? "<b>\(heading)</b>" : "\(heading):") }
                lines += section.prompts.prefix(perStep).map { "• " + text($0) }
            }
            lines += reminder.notes.map { "• " + text($0) }
        }
        var actions: [DesktopNotification.Action] = []
        // Only a meeting's steps have something for the buttons to act on.
        if capabilities.contains("actions"), card.meetingID != nil {
            if canOpen { actions.append(.init(key: openKey, label: "Open prompts")) }
            actions.append(.init(key: snoozeKey, label: "Snooze 1 h"))
            actions.append(.init(key: doneKey, label: "Done"))
        }
        return DesktopNotification(
            appName: "mentord", icon: "appointment-soon",
            summary: privacy == .headline ? DisplayText.discreetHeadline(reminder) : DisplayText.headline(reminder),
            body: lines.joined(separator: "\n"), actions: actions, urgency: urgency(of: card.steps),
            hints: ["category": .string("x-mentord.reminder")],
            replacesID: replacing)
    }

    /// Being present right before the call and capturing right after are the moments that slip
    /// most easily, so they ask for more attention than the planning steps.
    static func urgency(of steps: [Step]) -> DesktopNotification.Urgency {
        steps.contains { $0 == .participation || $0.isAfterMeeting } ? .critical : .normal
    }

    /// Escapes the characters the notification markup gives meaning to.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func sentenceCase(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
