/// The types of `io.mentord.varlink`, as they travel.
///
/// They are kept apart from `MentorCore`'s domain types so that `mentorctl` links neither the
/// domain nor full Foundation; the daemon converts between the two at its edge.
public enum Wire {
    /// `type Role (mentor, mentee)`.
    public enum Role: String, Codable, Sendable, Hashable, CaseIterable {
        case mentor
        case mentee
    }

    /// `type MeetingStatus (scheduled, cancelled)`.
    public enum MeetingStatus: String, Codable, Sendable, Hashable, CaseIterable {
        case scheduled
        case cancelled
    }

    /// `type Meeting`; see the interface file for each field.
    public struct Meeting: Codable, Sendable, Hashable {
        public var id: Int64
        public var title: String
        public var partner: String
        public var role: Role
        public var relationshipId: Int64
        public var start: String
        public var localStart: String
        public var timeZone: String
        public var durationSeconds: Int
        public var purpose: String
        public var status: MeetingStatus
        public var offsets: String
        public var recurrence: String
        public var createdAt: String
        public var updatedAt: String

        public init(
            id: Int64, title: String, partner: String, role: Role, relationshipId: Int64, start: String,
            localStart: String, timeZone: String, durationSeconds: Int, purpose: String, status: MeetingStatus,
            offsets: String = "", recurrence: String = "", createdAt: String, updatedAt: String
        ) {
            self.id = id
            self.title = title
            self.partner = partner
            self.role = role
            self.relationshipId = relationshipId
            self.start = start
            self.localStart = localStart
            self.timeZone = timeZone
            self.durationSeconds = durationSeconds
            self.purpose = purpose
            self.status = status
            self.offsets = offsets
            self.recurrence = recurrence
            self.createdAt = createdAt
            self.updatedAt = updatedAt
        }

        /// Fields added after 0.1.0's first cut (`offsets`, `recurrence`) read as empty when an older
        /// daemon leaves them out, so a newer mentorctl still works against it.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(Int64.self, forKey: .id)
            title = try container.decode(String.self, forKey: .title)
            partner = try container.decode(String.self, forKey: .partner)
            role = try container.decode(Role.self, forKey: .role)
            relationshipId = try container.decode(Int64.self, forKey: .relationshipId)
            start = try container.decode(String.self, forKey: .start)
            localStart = try container.decode(String.self, forKey: .localStart)
            timeZone = try container.decode(String.self, forKey: .timeZone)
            durationSeconds = try container.decode(Int.self, forKey: .durationSeconds)
            purpose = try container.decode(String.self, forKey: .purpose)
            status = try container.decode(MeetingStatus.self, forKey: .status)
            offsets = try container.decodeIfPresent(String.self, forKey: .offsets) ?? ""
            recurrence = try container.decodeIfPresent(String.self, forKey: .recurrence) ?? ""
            createdAt = try container.decode(String.self, forKey: .createdAt)
            updatedAt = try container.decode(String.self, forKey: .updatedAt)
        }
    }

    /// The reply of every method that returns one meeting.
    public struct MeetingReply: Codable, Sendable, Hashable {
        public var meeting: Meeting

        public init(meeting: Meeting) {
            self.meeting = meeting
        }
    }
}
