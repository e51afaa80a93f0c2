import Foundation

/// A fuzzer's corpus, `Fuzz/corpus/NAME`, as the replay tests of each module read it.
///
/// The replay tests run every input through the same checks the fuzzer runs (compiled into both),
/// so an input the fuzzer once found keeps being checked by `make test`. Inputs named `crash-*` once
/// crashed the fuzzer; the tests run those in a child process (an exit test), which has to stay in
/// each test target because its body can only call code that target links.
public struct FuzzCorpus: Sendable {
    /// The corpus folder.
    public let directory: URL

    /// The corpus `Fuzz/corpus/name` of this checkout.
    public init(_ name: String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        directory = root.appendingPathComponent("Fuzz/corpus/\(name)")
    }

    /// The inputs' file names, sorted; empty when the folder is missing (which `findsTheCorpus` tests catch).
    public func inputs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    /// The bytes of one input.
    public func bytes(of input: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(input)))
    }

    /// Whether the input once crashed the fuzzer, so that it must be replayed in a child process.
    public static func isCrash(_ input: String) -> Bool {
        input.hasPrefix("crash-")
    }

    /// What is wrong with an input that never crashed: the properties `broken` finds broken, and a
    /// line when checking it took longer than five seconds (inputs are small, so that means a loop
    /// that went wrong, not a slow machine). Empty when all is well.
    public func problems(_ input: String, _ bytes: [UInt8], _ broken: ([UInt8]) -> [String]) -> [String] {
        var found: [String] = []
        let elapsed = ContinuousClock().measure { found = broken(bytes) }
        if elapsed > .seconds(5) { found.append("took \(elapsed)") }
        return found.map { "\(directory.lastPathComponent)/\(input): \($0)" }
    }
}
