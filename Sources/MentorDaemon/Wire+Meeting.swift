import MentorCore
import MentorProtocol

extension Wire.Meeting {
    /// The wire form of a stored meeting.
    init(_ meeting: Meeting) {
        self.init(
            id: meeting.id, title: meeting.title, partner: meeting.relationship.partner,
            role: Wire.Role(meeting.relationship.role), relationshipId: meeting.relationship.id,
            start: RFC3339.utc(meeting.start), localStart: RFC3339.local(meeting.start, in: meeting.timeZone),
            timeZone: meeting.timeZone.identifier, durationSeconds: meeting.durationSeconds, purpose: meeting.purpose,
            status: meeting.status == .cancelled ? .cancelled : .scheduled,
            offsets: ReminderPolicy.overridesText(meeting.reminderOverrides),
            recurrence: meeting.recurrence?.rule ?? "", createdAt: RFC3339.utc(meeting.createdAt),
            updatedAt: RFC3339.utc(meeting.updatedAt))
    }
}

extension Wire.Role {
    init(_ role: Role) {
        self = role == .mentor ? .mentor : .mentee
    }

    /// The domain role.
    var domain: Role { self == .mentor ? .mentor : .mentee }
}

extension Wire.Step {
    init(_ step: Step) {
        self =
            switch step {
            case .purpose: .purpose
            case .preparation: .preparation
            case .plan: .plan
            case .participation: .participation
            case .capture: .capture
            case .captureAgain: .captureAgain
            }
    }

    /// The domain step.
    var domain: Step {
        switch self {
        case .purpose: .purpose
        case .preparation: .preparation
        case .plan: .plan
        case .participation: .participation
        case .capture: .capture
        case .captureAgain: .captureAgain
        }
    }
}
