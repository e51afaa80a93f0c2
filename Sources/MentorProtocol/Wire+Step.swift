extension Wire {
    /// `type Step`: one nudge of the method, the four Ps before a meeting and the capture nudges
    /// after it. Declared in the order they usually come.
    public enum Step: String, Codable, Sendable, Hashable, CaseIterable {
        case purpose
        case preparation
        case plan
        case participation
        case capture
        case captureAgain

        /// The step a person typed: any case, and `capture_again` or `capture-again` as well.
        public init?(typed text: String) {
            let folded = text.lowercased().filter { $0 != "_" && $0 != "-" }
            guard let step = Self.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
            self = step
        }

        /// Whether the step comes after the meeting (the capture nudges).
        public var isAfterMeeting: Bool { self == .capture || self == .captureAgain }

        /// As people read it: `Purpose`, `Capture (again)`.
        public var title: String {
            self == .captureAgain ? "Capture (again)" : rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }

    /// `type ReminderKind`: what a card is about.
    public enum ReminderKind: String, Codable, Sendable, Hashable, CaseIterable {
        /// Steps of a meeting occurrence.
        case meeting
        /// The due date of one of the user's own commitments.
        case commitment
        /// `mentorctl test-notify`'s made-up card.
        case test
        /// The day-based steps of several meetings due at one prep hour.
        case digest
        /// A relationship that has gone quiet.
        case quiet
    }
}
