/// `io.mentord.TestNotify`: a made-up reminder through every enabled channel, with each result.
public enum TestNotify: VarlinkMethod {
    public static let name = "io.mentord.TestNotify"
    public typealias Parameters = NoParameters

    public struct Reply: Codable, Sendable, Hashable {
        public var channels: [Wire.ChannelResult]

        public init(channels: [Wire.ChannelResult]) {
            self.channels = channels
        }
    }
}

extension Wire {
    /// `type ChannelResult`: what one channel did with a test reminder.
    public struct ChannelResult: Codable, Sendable, Hashable {
        public var channel: String
        public var enabled: Bool
        public var ok: Bool
        public var detail: String

        public init(channel: String, enabled: Bool, ok: Bool, detail: String) {
            self.channel = channel
            self.enabled = enabled
            self.ok = ok
            self.detail = detail
        }
    }
}
