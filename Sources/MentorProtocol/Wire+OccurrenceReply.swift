extension Wire {
    /// The reply of `CancelOccurrence` and `MoveOccurrence`: the meeting after the change, and
    /// which occurrence changed and where it went, as read, so a client can say so in full.
    public struct OccurrenceReply: Codable, Sendable, Hashable {
        public var meeting: Meeting
        /// The occurrence that changed, as it was named (its start before the change), RFC 3339 UTC.
        public var occurrence: String?
        /// The same instant in the meeting's zone.
        public var localOccurrence: String?
        /// `MoveOccurrence`: the new start, RFC 3339 UTC.
        public var movedTo: String?
        /// The new start in the meeting's zone.
        public var localMovedTo: String?

        public init(
            meeting: Meeting, occurrence: String? = nil, localOccurrence: String? = nil, movedTo: String? = nil,
            localMovedTo: String? = nil
        ) {
            self.meeting = meeting
            self.occurrence = occurrence
            self.localOccurrence = localOccurrence
            self.movedTo = movedTo
            self.localMovedTo = localMovedTo
        }
    }
}
