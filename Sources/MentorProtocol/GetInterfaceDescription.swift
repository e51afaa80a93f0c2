/// `org.varlink.service.GetInterfaceDescription`: the interface file's text.
public enum GetInterfaceDescription: VarlinkMethod {
    public static let name = "org.varlink.service.GetInterfaceDescription"

    public struct Parameters: Codable, Sendable, Hashable {
        public var interface: String

        public init(interface: String) {
            self.interface = interface
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }
}
