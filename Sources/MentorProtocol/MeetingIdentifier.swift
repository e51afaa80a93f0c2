/// The parameters of every method that names one meeting: `(id: int)`.
public struct MeetingIdentifier: Codable, Sendable, Hashable {
    public var id: Int64

    public init(id: Int64) {
        self.id = id
    }
}
