/// `io.mentord.GetMeeting`: one meeting.
public enum GetMeeting: VarlinkMethod {
    public static let name = "io.mentord.GetMeeting"
    public typealias Parameters = MeetingIdentifier
    public typealias Reply = Wire.MeetingReply
}
