import Foundation

/// Which partners a name typed on the command line means, the way people refer to each other: the
/// full name, a first name (or any other word of the name), or the start of either, in any case
/// and with or without accents.
///
/// The tiers are tried in order and the first that matches anyone wins, so "Sam" means "Sam" when
/// both "Sam" and "Samira" exist, and "sam" alone means "Sam Lee" when he is the only Sam. A tier
/// that matches several people is for the caller to list: mentord never guesses between them.
public enum PartnerMatch {
    /// How closely a name matched; the order is the order of preference.
    public enum Tier: Int, Sendable, Hashable, Comparable {
        /// The whole name ("Aiko Tanaka", "aiko tanaka").
        case fullName
        /// One word of it ("Aiko", "tanaka").
        case word
        /// The start of the name or of one of its words ("ai", "tan").
        case prefix

        public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The items whose `name` best matches `typed`: every item of the best tier that matches at all,
    /// no looser than `loosest`; empty when none does (or when `typed` is blank).
    public static func best<Item>(
        _ typed: String, in items: [Item], loosest: Tier = .prefix, name: (Item) -> String
    ) -> [Item] {
        let wanted = folded(typed)
        guard !wanted.isEmpty else { return [] }
        var best: (tier: Tier, items: [Item])?
        for item in items {
            guard let tier = tier(of: wanted, in: folded(name(item))), tier <= loosest else { continue }
            if best == nil || tier < best!.tier {
                best = (tier, [item])
            } else if tier == best!.tier {
                best!.items.append(item)
            }
        }
        return best?.items ?? []
    }

    /// How `wanted` (folded) matches `name` (folded), if at all.
    static func tier(of wanted: String, in name: String) -> Tier? {
        if name == wanted { return .fullName }
        let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "-" }).map(String.init)
        if words.contains(wanted) { return .word }
        if name.hasPrefix(wanted) || words.contains(where: { $0.hasPrefix(wanted) }) { return .prefix }
        return nil
    }

    /// Lower case, without accents, single spaces: "  Zoë  Smith" -> "zoe smith". Two names that
    /// fold alike are one person.
    public static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
