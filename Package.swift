// swift-tools-version: 6.1
//
// mentord: a per-user daemon that nudges mentors and mentees through the 4 Ps before each meeting.
// Module map and import rules: docs/modules.md.

import Foundation
import PackageDescription

/// Warnings fail the build, for our own targets only (dependencies keep their warnings), here as in
/// CI: a warning that only CI turns into an error is found an hour after the commit.
let strictness: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

/// What MentorDaemon imports from outside this package; mentord-floor imports the same.
let daemonOutsideDependencies: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "Logging", package: "swift-log"),
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
    .product(name: "UnixSignals", package: "swift-service-lifecycle"),
    .product(name: "AsyncHTTPClient", package: "async-http-client"),
]

/// The client side is optimized in debug builds too: the end-to-end tests run mentorctl hundreds
/// of times, and one of them pages a 70 MB history through it, which unoptimized generic code made
/// the suite's largest cost (24 s of CPU).
let optimizedInDebugBuilds: [SwiftSetting] = [.unsafeFlags(["-O"])]

/// How mentord, mentorctl and the floor are linked: lean at start, measured in docs/performance.md.
/// - lld, the toolchain's linker: it lays functions out in the order `make release` profiles
///   (`--symbol-ordering-file`, scripts/code-order), which gold cannot do by symbol.
/// - No exported symbols: Swift links executables with --export-dynamic, which in a
///   --static-swift-stdlib build puts every symbol of the runtime, Foundation, NIO and GRDB into the
///   dynamic symbol table (2.4 MB read at start, and searched by the loader for every symbol the
///   shared libraries resolve). Nothing looks mentord's own symbols up at run time.
/// - Packed relative relocations (DT_RELR, glibc 2.36): the position-independent binary's 130,000
///   relocations take 26 kB instead of 3.1 MB, all of which the loader read at each start.
let leanExecutable: [LinkerSetting] = [
    .unsafeFlags([
        "-use-ld=lld", "-Xlinker", "--no-export-dynamic", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
    ])
]

let package = Package(
    name: "mentord",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mentord", targets: ["mentord"]),
        .executable(name: "mentorctl", targets: ["mentorctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        // Property tests (test targets only).
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
    ],
    targets: [
        // Pure domain: no I/O, Foundation only. Optimized in debug builds too: the scheduling sweeps
        // run its rules hundreds of thousands of times, which unoptimized code makes the suite's
        // largest cost (5 s of CPU instead of 2.4 s).
        .target(name: "MentorCore", swiftSettings: optimizedInDebugBuilds),
        // iCalendar (RFC 5545) files read into events and expanded into occurrences; pure, like MentorCore.
        .target(name: "MentorCalendar", dependencies: ["MentorCore"]),
        // SQLite through GRDB.
        .target(
            name: "MentorStore",
            dependencies: ["MentorCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Wire types, the NUL-framed codec and a blocking client. No NIO: the client must start fast.
        .target(
            name: "MentorProtocol", exclude: ["io.mentord.varlink", "org.varlink.service.varlink"],
            swiftSettings: optimizedInDebugBuilds),
        // libsystemd and the few Linux declarations Glibc does not expose.
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(name: "SystemdKit", dependencies: ["CSystemd"]),
        // The Swift runtime's global-executor hook, named to the linker (see EventLoopGlobalExecutor).
        .systemLibrary(name: "CConcurrencyHook"),
        // The imperative shell: control server, configuration, the service that wires it all.
        .target(
            name: "MentorDaemon",
            dependencies: [
                "MentorCore", "MentorCalendar", "MentorStore", "MentorProtocol", "SystemdKit", "CSystemd",
                "CConcurrencyHook",
            ] + daemonOutsideDependencies
        ),
        .executableTarget(
            name: "mentord",
            dependencies: [
                "MentorDaemon", "MentorProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            linkerSettings: leanExecutable
        ),
        // Markdown and iCalendar renderings of wire values, for mentorctl export; pure, so tested alone.
        .target(name: "MentorExport", dependencies: ["MentorProtocol"], swiftSettings: optimizedInDebugBuilds),
        .executableTarget(
            name: "mentorctl",
            dependencies: [
                "MentorProtocol", "MentorExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: optimizedInDebugBuilds,
            linkerSettings: leanExecutable
        ),
        // Benchmarks/ical_import.py's entry point: read and expand one calendar file, nothing else.
        .executableTarget(
            name: "ical-bench", dependencies: ["MentorCalendar", "MentorCore"], path: "Benchmarks/ICalBench"),
        // Benchmarks/engine.py's floor: mentord's outside imports and nothing else (memory, start-up).
        .executableTarget(
            name: "mentord-floor",
            dependencies: [
                "CSystemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ] + daemonOutsideDependencies,
            path: "Benchmarks/Floor", linkerSettings: leanExecutable),
        // Helpers shared by the test targets: temporary directories, a real mentord process.
        .target(name: "MentorTestSupport", dependencies: ["MentorProtocol"], path: "Tests/MentorTestSupport"),
        .testTarget(name: "MentorCoreTests", dependencies: ["MentorCore", "MentorTestSupport"]),
        .testTarget(
            name: "MentorCalendarTests", dependencies: ["MentorCalendar", "MentorCore", "MentorTestSupport"],
            exclude: ["Outside"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "MentorStoreTests",
            dependencies: ["MentorStore", "MentorTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "MentorProtocolTests", dependencies: ["MentorProtocol", "MentorTestSupport"]),
        .testTarget(
            name: "MentorExportTests",
            dependencies: ["MentorExport", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Golden")]),
        .testTarget(name: "SystemdKitTests", dependencies: ["SystemdKit", "MentorTestSupport"]),
        .testTarget(
            name: "MentorDaemonTests",
            dependencies: [
                "MentorDaemon", "MentorCalendar", "MentorCore", "MentorProtocol", "MentorStore", "MentorTestSupport",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Outside"]
        ),
        .testTarget(
            name: "EndToEndTests", dependencies: ["MentorProtocol", "MentorTestSupport"], exclude: ["Outside"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictness
}
