/// `STATUS` of an event or of one occurrence (RFC 5545 §3.8.1.11).
public enum EventStatus: String, Sendable, Hashable {
    case tentative = "TENTATIVE"
    case confirmed = "CONFIRMED"
    case cancelled = "CANCELLED"
}
