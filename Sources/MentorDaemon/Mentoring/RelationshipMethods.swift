import Foundation
import MentorCore
import MentorProtocol
import MentorStore

/// The handlers of `io.mentord`'s relationship methods: relationships and their phases, learning
/// goals, a mentor's offers, and the action items and topics carried between meetings.
struct RelationshipMethods: Sendable {
    let stores: MentoringStores
    let clock: any WallClock
    /// Where typed dates (a goal's target date, a due date) are read.
    let userZone: TimeZone

    func register(in table: inout MethodTable) {
        table.register(AddRelationship.self) { [stores, clock] parameters in
            Wire.RelationshipReply(
                relationship: Wire.Relationship(
                    try await stores.relationships.add(
                        partner: parameters.partner, role: parameters.role.domain, cadence: parameters.cadence ?? "",
                        startedOn: parameters.startedOn ?? "", phase: parameters.phase?.domain ?? .initiation,
                        email: parameters.email ?? "", now: clock.now())))
        }
        table.register(ListRelationships.self) { [stores, clock] _ in
            let now = clock.now()
            return ListRelationships.Reply(
                relationships: try await stores.quiet.contacts().map { relationship, contact in
                    Wire.Relationship(relationship, quietSince: Self.quietSince(relationship, contact, now: now))
                })
        }
        table.register(GetRelationship.self, details)
        table.register(UpdateRelationship.self, update)
        table.register(ChangePhase.self) { [stores, clock] parameters in
            let relationship = try await find(parameters.partner, parameters.role)
            return Wire.RelationshipReply(
                relationship: Wire.Relationship(
                    try await stores.relationships.changePhase(
                        id: relationship.id, to: parameters.phase.domain, note: parameters.note ?? "", now: clock.now())
                ))
        }
        table.register(DeleteRelationship.self) { [stores] parameters in
            let relationship = try await find(parameters.partner, parameters.role)
            let deleted = try await stores.relationships.delete(id: relationship.id, force: parameters.force ?? false)
            return DeleteRelationship.Reply(deletedMeetings: deleted)
        }
        registerGoalsAndOffers(in: &table)
        ItemMethods(stores: stores, clock: clock, userZone: userZone).register(in: &table)
        table.register(FindMeeting.self, MeetingFinder(stores: stores, clock: clock).find)
    }

    private func registerGoalsAndOffers(in table: inout MethodTable) {
        table.register(AddGoal.self) { [stores, clock, userZone] parameters in
            let relationship = try await find(parameters.partner, parameters.role)
            let targetDate = try DateField.read(
                parameters.targetDate, field: "targetDate", in: userZone, now: clock.now())
            return Wire.GoalReply(
                goal: Wire.Goal(
                    try await stores.goals.add(
                        relationshipID: relationship.id, statement: parameters.statement,
                        successCriteria: parameters.successCriteria ?? "", targetDate: targetDate,
                        now: clock.now())))
        }
        table.register(ListGoals.self) { [stores] parameters in
            let relationship = try await find(parameters.partner, parameters.role)
            return ListGoals.Reply(
                goals: try await stores.goals.list(
                    relationshipID: relationship.id, includeClosed: parameters.all ?? false
                )
                .map(Wire.Goal.init))
        }
        table.register(SetGoalStatus.self) { [stores, clock] parameters in
            guard let status = GoalStatus(rawValue: parameters.status) else {
                throw VarlinkServiceError.invalidParameter(parameter: "status")
            }
            return Wire.GoalReply(
                goal: Wire.Goal(try await stores.goals.setStatus(id: parameters.id, to: status, now: clock.now())))
        }
        table.register(AddOffer.self) { [stores, clock] parameters in
            guard let kind = OfferKind(rawValue: parameters.kind) else {
                throw VarlinkServiceError.invalidParameter(parameter: "kind")
            }
            let relationship = try await find(parameters.partner, parameters.role)
            return Wire.OfferReply(
                offer: Wire.Offer(
                    try await stores.offers.add(
                        relationshipID: relationship.id, kind: kind, description: parameters.description,
                        now: clock.now())))
        }
        table.register(DeliverOffer.self) { [stores, clock] parameters in
            Wire.OfferReply(
                offer: Wire.Offer(try await stores.offers.markDelivered(id: parameters.id, now: clock.now())))
        }
    }

    /// When the relationship went quiet, if it has by `now`.
    static func quietSince(_ relationship: Relationship, _ contact: RelationshipContact, now: Date) -> Date? {
        QuietRule.quietSince(cadence: relationship.cadence, contact: contact).flatMap { $0 <= now ? $0 : nil }
    }

    /// The relationship named by a partner, as typed (and a role when the partner has both).
    func find(_ partner: String, _ role: Wire.Role?) async throws -> Relationship {
        try await PartnerLookup(relationships: stores.relationships).relationship(partner, role: role?.domain)
    }

    @Sendable private func details(_ parameters: RelationshipIdentifier) async throws -> GetRelationship.Reply {
        let relationship = try await find(parameters.partner, parameters.role)
        let partner = relationship.partner
        let contact = try await stores.quiet.contact(relationshipID: relationship.id).contact
        return GetRelationship.Reply(
            relationship: Wire.Relationship(
                relationship, quietSince: Self.quietSince(relationship, contact, now: clock.now())),
            phases: try await stores.relationships.phaseHistory(id: relationship.id).map(Wire.PhaseChange.init),
            goals: try await stores.goals.list(relationshipID: relationship.id, includeClosed: true).map(
                Wire.Goal.init),
            offers: try await stores.offers.list(relationshipID: relationship.id, includeDelivered: true)
                .map(Wire.Offer.init),
            items: try await stores.actions.open(relationshipID: relationship.id).map {
                Wire.Item($0, partner: partner)
            }
                + (try await stores.topics.open(relationshipID: relationship.id).map { Wire.Item($0, partner: partner) })
        )
    }

    @Sendable private func update(_ parameters: UpdateRelationship.Parameters) async throws -> Wire.RelationshipReply {
        let relationship = try await find(parameters.partner, parameters.role)
        let overrides = try MeetingMethods.offsets(parameters.offsets)
        let updated = try await stores.relationships.update(
            id: relationship.id, cadence: parameters.cadence, startedOn: parameters.startedOn,
            reminderOverrides: overrides, email: parameters.email)
        return Wire.RelationshipReply(relationship: Wire.Relationship(updated))
    }
}
