import ArgumentParser
import MentorProtocol

/// The meeting options `add` and `edit` share; absent ones are not sent.
struct MeetingDetailOptions: ParsableArguments {
    @Option(help: "Your role with them: mentor or mentee (required the first time you name a partner).")
    var role: Wire.Role?

    @Option(
        name: .customLong("tz"),
        help: ArgumentHelp("IANA time zone of the meeting (add: default yours).", valueName: "zone"),
        completion: Completions.timeZones)
    var timeZone: String?

    @Option(help: ArgumentHelp("How long it lasts, e.g. 45m or 1h30m (add: default 1h).", valueName: "duration"))
    var duration: String?

    @Option(help: "Why you are meeting: the goal of this conversation.")
    var purpose: String?

    @Option(
        help: ArgumentHelp(
            "Per-step reminder offsets, e.g. purpose=3d,plan=off,participation=10m (steps not named follow the config).",
            valueName: "step=duration,..."))
    var offsets: String?

    @Flag(help: "Accept a start in the past, to record a meeting that happened.")
    var past = false

    @Option(
        name: .customLong("repeat"),
        help: ArgumentHelp(
            "Repeat: daily, weekly, fortnightly, monthly, or an RRULE such as FREQ=MONTHLY;BYDAY=2TU"
                + " (\"\" on edit: no longer repeat).", valueName: "rule"))
    var recurrence: String?
}
