import Foundation

extension DaemonProcess {
    /// Reminder settings for tests whose offsets are seconds: quiet hours and working days would
    /// move them, and merging would join them into one card.
    public static let secondsConfiguration = """
        [reminders]
        merge_within = "0"
        quiet_hours = "off"
        working_days = "Mon-Sun"

        """

    /// A daemon in `directory` (a new one by default) configured with ``secondsConfiguration``,
    /// unless the directory already holds a config file.
    public static func forSecondLongReminders(
        in directory: TemporaryDirectory? = nil, environment: [String: String] = [:]
    ) throws -> DaemonProcess {
        let directory = try directory ?? TemporaryDirectory()
        if !FileManager.default.fileExists(atPath: directory.file("config.toml")) {
            try secondsConfiguration.write(toFile: directory.file("config.toml"), atomically: false, encoding: .utf8)
        }
        return try DaemonProcess(in: directory, environment: environment)
    }
}
