/// `io.mentord.DeliverOffer`: marks an offer delivered.
public enum DeliverOffer: VarlinkMethod {
    public static let name = "io.mentord.DeliverOffer"
    public typealias Reply = Wire.OfferReply

    public struct Parameters: Codable, Sendable, Hashable {
        public var id: Int64

        public init(id: Int64) {
            self.id = id
        }
    }
}
