import ArgumentParser

/// What mentorctl does with its arguments before ArgumentParser reads them: the global options
/// accepted before the subcommand, and a mistyped subcommand answered with the one meant.
enum CommandLineFront {
    /// ``ClientOptions``' flags, and its option that takes a value.
    static let globalFlags: Set = ["--json", "--no-autostart"]
    static let globalOptions: Set = ["--socket"]

    /// `arguments` with the global options written before the subcommand
    /// (`mentorctl --json list`) moved after it, where every subcommand reads them: to the end,
    /// or before a `--` that ends the options.
    static func reordered(_ arguments: [String]) -> [String] {
        var moved: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if globalFlags.contains(argument) || globalOptions.contains(where: { argument.hasPrefix($0 + "=") }) {
                moved.append(argument)
                index += 1
            } else if globalOptions.contains(argument), index + 1 < arguments.count {
                moved += arguments[index...index + 1]
                index += 2
            } else {
                break
            }
        }
        guard !moved.isEmpty else { return arguments }
        var rest = Array(arguments[index...])
        rest.insert(contentsOf: moved, at: rest.firstIndex(of: "--") ?? rest.count)
        return rest
    }

    /// `unknown command 'lsit'; did you mean 'list'?` when a word where a subcommand goes names
    /// none; nil when the words name commands (or stop before one is needed).
    static func unknownCommand(in arguments: [String], root: any ParsableCommand.Type = Mentorctl.self) -> String? {
        var command = root
        var path = [root._commandName]
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !argument.hasPrefix("-") else { return nil }
            if let next = subcommands.first(where: { names(of: $0).contains(argument) }) {
                command = next
                path.append(argument)
                continue
            }
            if argument == "help", command == root { return nil }
            let candidates = subcommands.flatMap(names(of:)) + (command == root ? ["help"] : [])
            let near = closest(to: argument, among: candidates)
            // Under a default subcommand (`relationship sam`), a word far from every name is its argument.
            if command.configuration.defaultSubcommand != nil, near == nil { return nil }
            let suggestion = near.map { "; did you mean '\($0)'?" } ?? ""
            return "unknown command '\(path.joined(separator: " ")) \(argument)'\(suggestion) "
                + "('\(path.joined(separator: " ")) --help' lists them)"
        }
        return nil
    }

    private static func names(of command: any ParsableCommand.Type) -> [String] {
        [command._commandName] + command.configuration.aliases
    }

    /// The candidate at the smallest edit distance from `typed`, when it is small enough to be a
    /// slip (at most a third of the word, and 2), or one `typed` is the start of.
    static func closest(to typed: String, among candidates: [String]) -> String? {
        let lowered = typed.lowercased()
        if let prefixed = candidates.first(where: { $0.hasPrefix(lowered) && !lowered.isEmpty }) { return prefixed }
        let scored = candidates.map { ($0, editDistance(lowered, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= min(2, max(1, lowered.count / 3)) else { return nil }
        return best
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbours (`lsit` -> `list` is one).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
