/// `io.mentord.CancelMeeting`: keeps the meeting but silences it.
public enum CancelMeeting: VarlinkMethod {
    public static let name = "io.mentord.CancelMeeting"
    public typealias Parameters = MeetingIdentifier
    public typealias Reply = Wire.MeetingReply
}
