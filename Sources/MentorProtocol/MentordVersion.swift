/// The version of mentord and mentorctl; both are built from one tree and report the same.
public enum MentordVersion {
    public static let current = "0.1.0"
}
