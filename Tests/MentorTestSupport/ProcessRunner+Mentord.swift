import Foundation

extension ProcessRunner {
    /// Runs `mentord` to completion with `arguments` and `environment`: for the starts mentord must
    /// refuse. It runs under timeout(1), so that a start-up that hangs fails the test instead of
    /// stalling the suite.
    public static func mentord(
        _ arguments: [String], environment: [String: String] = [:], removingEnvironment: [String] = []
    ) throws -> ProcessResult {
        try run(
            "/usr/bin/timeout", ["30", BuildProducts.executable("mentord")] + arguments, environment: environment,
            removingEnvironment: removingEnvironment)
    }

    /// Runs `mentord` to completion with `config` as its configuration file and its socket and
    /// database in `directory`, as ``mentord(_:environment:removingEnvironment:)`` does.
    public static func mentord(configFile config: String, in directory: TemporaryDirectory) throws -> ProcessResult {
        try mentord(["--socket", directory.file("socket"), "--database", directory.file("db"), "--config", config])
    }

    /// Writes `text` to `config.toml` in `directory` and runs `mentord` with it, as
    /// ``mentord(configFile:in:)`` does.
    public static func mentord(config text: String, in directory: TemporaryDirectory) throws -> ProcessResult {
        let path = directory.file("config.toml")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return try mentord(configFile: path, in: directory)
    }
}
