/// Where an action item or a parked topic stands.
public enum ItemStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Still to do or to discuss: carried to the next meeting.
    case open
    /// Done, or discussed.
    case done
    /// No longer relevant.
    case dropped
}
