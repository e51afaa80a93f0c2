import ArgumentParser
import MentorProtocol

/// A meeting as a person names it on the command line: its id, or a partner's name standing for
/// that partner's meeting (the daemon picks which, see `FindMeeting`).
enum MeetingReference: ExpressibleByArgument, Sendable {
    case id(Int64)
    case partner(String)

    init?(argument: String) {
        if let id = Int64(argument), id > 0 {
            self = .id(id)
        } else if !argument.trimmed.isEmpty {
            self = .partner(argument)
        } else {
            return nil
        }
    }

    /// What the help says about a MEETING argument.
    static let help = ArgumentHelp(
        "The meeting's id, or a partner's name (a first name or the start of one will do) for their meeting.",
        valueName: "meeting")

    /// The meeting an id or a name stands for. With a name, the occurrence it picked too, so the
    /// call that follows acts on exactly that one.
    func resolve(_ daemon: DaemonClient, choice: Wire.MeetingChoice = .next) throws -> ResolvedMeeting {
        switch self {
        case .id(let id):
            return ResolvedMeeting(id: id)
        case .partner(let name):
            let found = try daemon.call(FindMeeting.self, .init(name: name, choice: choice))
            return ResolvedMeeting(
                id: found.meeting.id, meeting: found.meeting, occurrence: found.occurrence,
                localStart: found.localStart)
        }
    }
}

/// A meeting reference after the daemon resolved it.
struct ResolvedMeeting: Sendable {
    var id: Int64
    /// The meeting, when a name was resolved (an id is used as it is).
    var meeting: Wire.Meeting?
    /// The occurrence a name picked, RFC 3339 UTC.
    var occurrence: String?
    /// The same instant in the meeting's zone.
    var localStart: String?

    /// `Weekly with Sam, Thu 2026-12-10 15:00 +01:00` for a name, `meeting 3` for an id.
    var label: String {
        guard let meeting, let localStart else { return "meeting \(id)" }
        return "\(meeting.title) with \(meeting.partner) (meeting \(id)), \(UserTime.when(localStart))"
    }
}
