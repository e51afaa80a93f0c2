/// Which side of a mentoring relationship the user is on.
///
/// The same person can be a mentor in one relationship and a mentee in another, so the role belongs
/// to the relationship, not to the user.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case mentor
    case mentee
}
