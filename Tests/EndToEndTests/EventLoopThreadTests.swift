import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// The installed daemon runs on NIO's singleton group alone: two event loops, whatever the machine
/// (NIO's default is one per core), serve calls, run every task and carry calendar HTTP. A second
/// group for the control server cost a thread and its start-up (docs/performance.md).
struct EventLoopThreadTests {
    static func loops(of daemon: DaemonProcess) -> [String] {
        ThreadWakeups(pid: daemon.pid).threads.values.map(\.name).filter { $0.hasPrefix("NIO-") }
    }

    @Test func twoEventLoopsServeEverything() throws {
        let daemon = try DaemonProcess()
        defer { daemon.directory.remove() }
        _ = try daemon.connect().call(GetStatus.self, NoParameters())
        let loops = Self.loops(of: daemon)
        #expect(loops.count == 2 && loops.allSatisfy { $0.hasPrefix("NIO-SGLTN") }, "\(loops)")
    }

    /// NIO's own variable still sets the count, for whoever needs another.
    @Test func nioSingletonGroupLoopCountStillWins() throws {
        let daemon = try DaemonProcess(environment: ["NIO_SINGLETON_GROUP_LOOP_COUNT": "3"])
        defer { daemon.directory.remove() }
        _ = try daemon.connect().call(GetStatus.self, NoParameters())
        #expect(Self.loops(of: daemon).count == 3, "\(Self.loops(of: daemon))")
    }
}
