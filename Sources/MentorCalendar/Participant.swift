/// An `ORGANIZER` or `ATTENDEE`: whom partner matching and "declined by you" look at.
public struct Participant: Sendable, Hashable {
    /// The e-mail address, lower case, without `mailto:`: the `EMAIL` parameter when given (RFC 7986),
    /// else the value. Empty when neither is an e-mail address.
    public var email: String
    /// `CN`, the display name, if given.
    public var name: String?
    /// `PARTSTAT` upper case (`ACCEPTED`, `DECLINED`, `TENTATIVE`, `NEEDS-ACTION`, ...); nil when not given.
    public var participation: String?

    public init(email: String, name: String? = nil, participation: String? = nil) {
        self.email = email
        self.name = name
        self.participation = participation
    }

    init(_ property: ContentLine) {
        let address = property.parameter("EMAIL") ?? property.value
        var email = address.trimmingCharacters(in: .whitespaces)
        if email.lowercased().hasPrefix("mailto:") { email.removeFirst("mailto:".count) }
        self.init(
            email: email.contains("@") ? email.lowercased() : "", name: property.parameter("CN"),
            participation: property.parameter("PARTSTAT")?.uppercased())
    }
}
