import Foundation
import MentorCore
import MentorProtocol

/// The next card as the status line and the status file (``NextCardFile``) announce it: when it
/// is due and its headline.
struct NextCard: Sendable, Hashable {
    /// When the card is due.
    var dueAt: Date
    /// `Plan: Weekly with Ana`, with every control character made a space, so the file's one
    /// line stays one line whatever a title holds.
    var headline: String

    /// The card of `meeting` with `steps`; without the meeting (it could not be read), the steps alone.
    init(dueAt: Date, steps: [Step], meeting: Meeting?) {
        self.dueAt = dueAt
        let wireSteps = steps.map(Wire.Step.init)
        let text =
            meeting.map {
                DisplayText.meetingHeadline(steps: wireSteps, title: $0.title, partner: $0.relationship.partner)
            } ?? wireSteps.map(\.title).joined(separator: " + ")
        headline = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// The status file's line: the due time in whole seconds since the epoch (rounded down), a
    /// space, the headline, a newline. A shell reads it with `read -r due headline`.
    var line: String {
        "\(Int(dueAt.timeIntervalSince1970.rounded(.down))) \(headline)\n"
    }
}
