/// `io.mentord.DeleteMeeting`: removes the meeting for good.
public enum DeleteMeeting: VarlinkMethod {
    public static let name = "io.mentord.DeleteMeeting"
    public typealias Parameters = MeetingIdentifier
    public typealias Reply = NoParameters
}
