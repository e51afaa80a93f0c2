import MentorExport
import MentorProtocol

/// Human output for relationships and what belongs to them: goals, offers, action items, topics.
enum RelationshipFormatter {
    /// `Sam (you are the mentee), cultivation phase, weekly, since 2025-09-01`.
    static func summary(_ relationship: Wire.Relationship) -> String {
        "\(relationship.partner) (you are the \(relationship.role.rawValue)), \(relationship.phase.rawValue) phase"
            + (relationship.cadence.isEmpty ? "" : ", \(relationship.cadence)")
            + (relationship.startedOn.isEmpty ? "" : ", since \(relationship.startedOn)")
    }

    /// An aligned table of relationships with a header row; a NOTE column says which have gone quiet.
    static func table(_ relationships: [Wire.Relationship]) -> String {
        let anyQuiet = relationships.contains { $0.quietSince != nil }
        let header = ["ID", "WITH", "ROLE", "PHASE", "CADENCE", "SINCE"] + (anyQuiet ? ["NOTE"] : [])
        let rows = relationships.map { relationship in
            [
                String(relationship.id), relationship.partner, relationship.role.rawValue,
                relationship.phase.rawValue, relationship.cadence, relationship.startedOn,
            ]
                + (anyQuiet
                    ? [relationship.quietSince.map { "quiet since \(HouseTime.day($0, in: UserTime.zone))" } ?? ""]
                    : [])
        }
        return TextTable.render([header] + rows)
    }

    /// Everything `relationship show` prints: labelled lines, then one section per list.
    static func detail(_ reply: GetRelationship.Reply) -> String {
        let relationship = reply.relationship
        let facts = TextTable.render([
            ["Relationship:", String(relationship.id)],
            ["With:", "\(relationship.partner) (you are the \(relationship.role.rawValue))"],
            ["Phase:", relationship.phase.rawValue],
            [
                "Cadence:",
                (relationship.cadence.isEmpty ? "(not set)" : relationship.cadence)
                    + (relationship.quietSince.map { ", gone quiet since \(HouseTime.day($0, in: UserTime.zone))" }
                        ?? ""),
            ],
            ["Since:", relationship.startedOn.isEmpty ? "(not set)" : relationship.startedOn],
            ["Reminders:", relationship.offsets.isEmpty ? "as configured" : relationship.offsets],
            ["E-mail:", relationship.email ?? "(not set)"],
            ["Added:", UserTime.minute(relationship.createdAt)],
        ])
        let phases = reply.phases.map { change in
            [HouseTime.day(change.changedAt, in: UserTime.zone), change.phase.rawValue, change.note]
        }
        let partner = relationship.partner
        return [
            facts,
            section("Phase history", phases.isEmpty ? nil : TextTable.render(phases)),
            section(
                "Goals",
                reply.goals.isEmpty ? nil : goalTable(reply.goals),
                empty: "none; add one with 'mentorctl goal add \(partner) \"...\"'"),
            section(
                "Offers",
                reply.offers.isEmpty ? nil : offerTable(reply.offers),
                empty: "none; record one with 'mentorctl offer add \(partner) resource \"...\"'"),
            section("Open items", reply.items.isEmpty ? nil : itemTable(reply.items, showsKind: true)),
        ].joined(separator: "\n\n")
    }

    /// Learning goals: id, status, statement, target date, success criteria.
    static func goalTable(_ goals: [Wire.Goal]) -> String {
        let rows = goals.map { goal in
            [
                String(goal.id), goal.status == "done" ? "[done]" : goal.status, goal.statement,
                overdue(goal.targetDate, open: goal.status == "open"), goal.successCriteria,
            ]
        }
        return TextTable.render([["ID", "STATUS", "GOAL", "BY", "SUCCESS LOOKS LIKE"]] + rows)
    }

    /// Offers: id, kind, status, description.
    static func offerTable(_ offers: [Wire.Offer]) -> String {
        let rows = offers.map { offer in
            [String(offer.id), offer.kind, offer.status, offer.description]
        }
        return TextTable.render([["ID", "KIND", "STATUS", "OFFER"]] + rows)
    }

    /// Action items and topics. Owner and due date only when some item is an action; status only
    /// when some item is closed; the partner unless every item shares one.
    static func itemTable(_ items: [Wire.Item], showsKind: Bool = false) -> String {
        let hasActions = items.contains { $0.kind == "action" }
        let hasClosed = items.contains { $0.status != "open" }
        let showsPartner = Set(items.map(\.relationshipId)).count > 1
        var header = ["ID"]
        if showsKind { header.append("KIND") }
        if showsPartner { header.append("WITH") }
        header.append("TEXT")
        if hasActions { header += ["OWNER", "DUE"] }
        header.append("CARRIED")
        if hasClosed { header.append("STATUS") }
        let rows = items.map { item in
            var row = [String(item.id)]
            if showsKind { row.append(item.kind) }
            if showsPartner { row.append(item.partner) }
            row.append(item.text + (stillRelevant(item) ? "  (still relevant?)" : ""))
            if hasActions { row += [item.owner, overdue(item.dueOn, open: item.status == "open")] }
            row.append(item.timesCarried == 0 ? "" : "\(item.timesCarried)x")
            if hasClosed { row.append(item.status == "done" ? "[done]" : item.status) }
            return row
        }
        return TextTable.render([header] + rows)
    }

    /// `2026-12-02 (overdue)` for a date before today of something still open; the date alone otherwise.
    static func overdue(_ date: String, open: Bool) -> String {
        open && !date.isEmpty && date < UserTime.today ? "\(date) (overdue)" : date
    }

    /// A parked topic carried into three meetings or more: time to ask whether it still matters.
    static func stillRelevant(_ item: Wire.Item) -> Bool {
        item.kind == "topic" && item.status == "open" && item.timesCarried >= 3
    }

    /// A titled section with its body indented, or `empty` after the title when there is no body.
    static func section(_ title: String, _ body: String?, empty: String = "none") -> String {
        guard let body else { return "\(title): \(empty)" }
        return "\(title):\n" + indent(body, by: 2)
    }

    /// Every line of `text` shifted right, blank lines left blank.
    static func indent(_ text: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : pad + $0 }
            .joined(separator: "\n")
    }
}
