#if canImport(Glibc)
import Glibc
#endif

/// Deliberate faults for the crash tests, compiled in on purpose: with
/// `MENTORD_FAULT=crash-after-claim` in its environment the daemon kills itself right after a card
/// is claimed in the ledger and before anyone sees it, the window the restart path must close.
/// Not for use outside tests.
struct FaultInjection: Sendable {
    var crashAfterClaim = false

    /// The faults the environment asks for.
    static func from(environment: [String: String]) -> FaultInjection {
        FaultInjection(crashAfterClaim: environment["MENTORD_FAULT"] == "crash-after-claim")
    }

    /// Called between a card's claim and its delivery.
    func afterClaim() {
        if crashAfterClaim { kill(getpid(), SIGKILL) }
    }
}
