import ArgumentParser
import MentorProtocol

/// Steps as people type them on the command line: any case, `capture_again` too, and completed
/// by the shell from the list of steps.
extension Wire.Step: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(typed: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// One step, or several of one card separated by commas (`purpose,preparation`).
struct StepList: ExpressibleByArgument {
    var steps: [Wire.Step]

    init?(argument: String) {
        let parts = argument.split(separator: ",").map { Wire.Step(typed: String($0)) }
        guard !parts.isEmpty, !parts.contains(nil) else { return nil }
        steps = parts.compactMap { $0 }
    }

    static var allValueStrings: [String] { Wire.Step.allValueStrings }

    /// `Purpose`, `Purpose and Preparation`.
    var titles: String {
        let titles = steps.map(\.title)
        return titles.count < 2 ? titles.joined() : titles.dropLast().joined(separator: ", ") + " and " + titles.last!
    }
}
