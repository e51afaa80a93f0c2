import Foundation
import MentorCore
import MentorProtocol
import MentorStore

/// The handlers of the action item and topic methods: one set of verbs for both kinds, which
/// differ only in that actions have an owner and a due date.
struct ItemMethods: Sendable {
    let stores: MentoringStores
    let clock: any WallClock
    /// Where typed due dates are read.
    let userZone: TimeZone

    /// The two kinds, as the wire names them.
    enum Kind: String {
        case action
        case topic

        init(_ text: String) throws {
            guard let kind = Kind(rawValue: text) else { throw VarlinkServiceError.invalidParameter(parameter: "kind") }
            self = kind
        }
    }

    func register(in table: inout MethodTable) {
        table.register(AddItem.self, add)
        table.register(ListItems.self, list)
        table.register(SetItemStatus.self) { [stores, clock] parameters in
            guard let status = ItemStatus(rawValue: parameters.status) else {
                throw VarlinkServiceError.invalidParameter(parameter: "status")
            }
            switch try Kind(parameters.kind) {
            case .action:
                let item = try await stores.actions.setStatus(id: parameters.id, to: status, now: clock.now())
                return Wire.ItemReply(item: Wire.Item(item, partner: try await partner(of: item.relationshipID)))
            case .topic:
                let topic = try await stores.topics.setStatus(id: parameters.id, to: status, now: clock.now())
                return Wire.ItemReply(item: Wire.Item(topic, partner: try await partner(of: topic.relationshipID)))
            }
        }
    }

    private func partner(of relationshipID: Int64) async throws -> String {
        try await stores.relationships.relationship(id: relationshipID).partner
    }

    @Sendable private func add(_ parameters: AddItem.Parameters) async throws -> Wire.ItemReply {
        let relationship = try await PartnerLookup(relationships: stores.relationships).relationship(
            parameters.partner, role: parameters.role?.domain)
        switch try Kind(parameters.kind) {
        case .action:
            let item = try await stores.actions.add(
                relationshipID: relationship.id, text: parameters.text, owner: try Self.owner(parameters.owner),
                dueOn: try DateField.read(parameters.dueOn, field: "dueOn", in: userZone, now: clock.now()),
                now: clock.now())
            return Wire.ItemReply(item: Wire.Item(item, partner: relationship.partner))
        case .topic:
            let topic = try await stores.topics.add(
                relationshipID: relationship.id, text: parameters.text, now: clock.now())
            return Wire.ItemReply(item: Wire.Item(topic, partner: relationship.partner))
        }
    }

    @Sendable private func list(_ parameters: ListItems.Parameters) async throws -> ListItems.Reply {
        let kinds = try parameters.kind.map { [try Kind($0)] } ?? [.action, .topic]
        let relationships =
            if let partner = parameters.partner {
                [
                    try await PartnerLookup(relationships: stores.relationships).relationship(
                        partner, role: parameters.role?.domain)
                ]
            } else {
                try await stores.relationships.list()
            }
        let status: ItemStatus? = parameters.all == true ? nil : .open
        var items: [Wire.Item] = []
        for relationship in relationships {
            if kinds.contains(.action) {
                items += try await stores.actions.list(relationshipID: relationship.id, status: status)
                    .map { Wire.Item($0, partner: relationship.partner) }
            }
            if kinds.contains(.topic) {
                items += try await stores.topics.list(relationshipID: relationship.id, status: status)
                    .map { Wire.Item($0, partner: relationship.partner) }
            }
        }
        return ListItems.Reply(items: items.sorted { ($0.createdAt, $0.kind, $0.id) < ($1.createdAt, $1.kind, $1.id) })
    }

    /// The owner of an action, `me` when not given.
    static func owner(_ text: String?) throws -> ItemOwner {
        guard let text else { return .me }
        guard let owner = ItemOwner(rawValue: text) else {
            throw VarlinkServiceError.invalidParameter(parameter: "owner")
        }
        return owner
    }
}
