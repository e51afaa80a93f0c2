import Foundation
import MentorDaemon
import MentorTestSupport
import Testing

/// The commented config file and the `mentord.toml(5)` manual are generated from
/// ``ConfigurationSchema``: the committed copies must be what the schema writes today.
/// `make config-docs` (MENTORD_REGENERATE=1) rewrites them instead of comparing.
struct ConfigurationDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: [
        ("config/mentord.toml", ConfigurationFileText.render()),
        ("man/mentord.toml.5", ConfigurationManualText.render()),
    ])
    func theCommittedFileIsWhatTheSchemaWrites(path: String, rendered: String) throws {
        let url = Self.root.appendingPathComponent(path)
        if ProcessInfo.processInfo.environment["MENTORD_REGENERATE"] == "1" {
            try Data(rendered.utf8).write(to: url)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == rendered, "\(path) is out of date: run `make config-docs`")
    }

    /// Every key is in both documents with its default, so neither can forget one.
    @Test func bothDocumentsStateEveryKeyWithItsDefault() {
        let file = ConfigurationFileText.render()
        let manual = ConfigurationManualText.render()
        for table in ConfigurationSchema.tables {
            #expect(file.contains("\n[\(table.name)]\n"))
            #expect(manual.contains("\n.Ss [\(table.name)]\n"))
            for key in table.keys {
                #expect(file.contains("\n\(key.name) = \(key.defaultValue)\n"), "\(table.name).\(key.name)")
                #expect(manual.contains("\n.It Cm \(key.name)\n"), "\(table.name).\(key.name)")
            }
        }
    }

    /// A default written back reads as the same setting, so the documented default is the real one.
    @Test func everyDocumentedDefaultReadsBackAsTheDefault() throws {
        for table in ConfigurationSchema.tables {
            for key in table.keys {
                let text = "[\(table.name)]\n\(key.name) = \(key.defaultValue)\n"
                #expect(try DaemonConfiguration.parse(text, path: "c.toml") == DaemonConfiguration(), "\(text)")
            }
        }
    }

    /// mandoc finds nothing to warn about (errors and warnings; style notes are not checked).
    @Test func theManualHasNoMandocWarnings() throws {
        let directory = try TemporaryDirectory()
        let page = directory.path + "/mentord.toml.5"
        try Data(ConfigurationManualText.render().utf8).write(to: URL(fileURLWithPath: page))
        let result = try ProcessRunner.run("/usr/bin/mandoc", ["-T", "lint", "-W", "warning", page])
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result)")
    }
}
