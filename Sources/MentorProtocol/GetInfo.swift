/// `org.varlink.service.GetInfo`: who serves this socket and which interfaces.
public enum GetInfo: VarlinkMethod {
    public static let name = "org.varlink.service.GetInfo"
    public typealias Parameters = NoParameters

    public struct Reply: Codable, Sendable, Hashable {
        public var vendor: String
        public var product: String
        public var version: String
        public var url: String
        public var interfaces: [String]

        public init(vendor: String, product: String, version: String, url: String, interfaces: [String]) {
            self.vendor = vendor
            self.product = product
            self.version = version
            self.url = url
            self.interfaces = interfaces
        }
    }
}
