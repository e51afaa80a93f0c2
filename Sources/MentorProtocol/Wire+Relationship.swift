extension Wire {
    /// `type Phase (initiation, cultivation, separation, redefinition)`: Kram's phases of a mentoring relationship.
    public enum Phase: String, Codable, Sendable, Hashable, CaseIterable {
        case initiation
        case cultivation
        case separation
        case redefinition
    }

    /// `type Relationship`; see the interface file for each field.
    public struct Relationship: Codable, Sendable, Hashable {
        public var id: Int64
        public var partner: String
        public var role: Role
        public var cadence: String
        public var startedOn: String
        public var phase: Phase
        public var offsets: String
        public var createdAt: String
        /// Nil when not set, and from a daemon older than the field.
        public var email: String?
        /// When the relationship went quiet (no meeting or capture for 1.5 cadences); nil when not.
        public var quietSince: String?

        public init(
            id: Int64, partner: String, role: Role, cadence: String = "", startedOn: String = "", phase: Phase,
            offsets: String = "", createdAt: String, email: String? = nil, quietSince: String? = nil
        ) {
            self.id = id
            self.partner = partner
            self.role = role
            self.cadence = cadence
            self.startedOn = startedOn
            self.phase = phase
            self.offsets = offsets
            self.createdAt = createdAt
            self.email = email
            self.quietSince = quietSince
        }
    }

    /// `type PhaseChange`: one entry of a relationship's phase history.
    public struct PhaseChange: Codable, Sendable, Hashable {
        public var phase: Phase
        public var changedAt: String
        public var note: String

        public init(phase: Phase, changedAt: String, note: String = "") {
            self.phase = phase
            self.changedAt = changedAt
            self.note = note
        }
    }

    /// `type Goal`: a learning goal; `status` is active, done or dropped.
    public struct Goal: Codable, Sendable, Hashable {
        public var id: Int64
        public var relationshipId: Int64
        public var statement: String
        public var successCriteria: String
        public var targetDate: String
        public var status: String
        public var createdAt: String
        public var closedAt: String?

        public init(
            id: Int64, relationshipId: Int64, statement: String, successCriteria: String = "",
            targetDate: String = "", status: String, createdAt: String, closedAt: String? = nil
        ) {
            self.id = id
            self.relationshipId = relationshipId
            self.statement = statement
            self.successCriteria = successCriteria
            self.targetDate = targetDate
            self.status = status
            self.createdAt = createdAt
            self.closedAt = closedAt
        }
    }

    /// `type Offer`: a resource or an introduction a mentor offered; `status` is offered or delivered.
    public struct Offer: Codable, Sendable, Hashable {
        public var id: Int64
        public var relationshipId: Int64
        public var kind: String
        public var description: String
        public var status: String
        public var createdAt: String
        public var deliveredAt: String?

        public init(
            id: Int64, relationshipId: Int64, kind: String, description: String, status: String,
            createdAt: String, deliveredAt: String? = nil
        ) {
            self.id = id
            self.relationshipId = relationshipId
            self.kind = kind
            self.description = description
            self.status = status
            self.createdAt = createdAt
            self.deliveredAt = deliveredAt
        }
    }

    /// The reply of every method that returns one relationship.
    public struct RelationshipReply: Codable, Sendable, Hashable {
        public var relationship: Relationship

        public init(relationship: Relationship) {
            self.relationship = relationship
        }
    }

    /// The reply of every method that returns one learning goal.
    public struct GoalReply: Codable, Sendable, Hashable {
        public var goal: Goal

        public init(goal: Goal) {
            self.goal = goal
        }
    }

    /// The reply of every method that returns one offer.
    public struct OfferReply: Codable, Sendable, Hashable {
        public var offer: Offer

        public init(offer: Offer) {
            self.offer = offer
        }
    }
}
