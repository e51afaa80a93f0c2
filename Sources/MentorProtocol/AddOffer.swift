/// `io.mentord.AddOffer`: records a resource or an introduction the mentor offers.
public enum AddOffer: VarlinkMethod {
    public static let name = "io.mentord.AddOffer"
    public typealias Reply = Wire.OfferReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var partner: String
        public var role: Wire.Role?
        public var kind: String
        public var description: String

        public init(partner: String, role: Wire.Role? = nil, kind: String, description: String) {
            self.partner = partner
            self.role = role
            self.kind = kind
            self.description = description
        }
    }
}
