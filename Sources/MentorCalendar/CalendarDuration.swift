/// DURATION values (RFC 5545 §3.3.6): `PT1H30M`, `P1D`, `-PT15M`, `P2W`.
enum CalendarDuration {
    static let maximum = 100 * 366 * 86_400

    /// The length in seconds; a day counts 86,400 and a week 7 days. Longer than 100 years is refused.
    static func seconds(_ text: String, line: Int, property: String) throws(CalendarError) -> Int {
        var characters = Substring(text.uppercased())
        let invalid = CalendarError.invalidValue(
            line: line, property: property, value: text, reason: "not a duration such as PT1H30M or P1D")
        var sign = 1
        if characters.first == "-" || characters.first == "+" {
            sign = characters.removeFirst() == "-" ? -1 : 1
        }
        guard characters.first == "P", characters.count > 1 else { throw invalid }
        characters.removeFirst()
        var total = 0
        var number = ""
        var inTime = false
        var units = 0
        for character in characters {
            if character.isASCII && character.isNumber {
                number.append(character)
                guard number.count <= 9 else { throw invalid }
                continue
            }
            if character == "T" && !inTime && number.isEmpty {
                inTime = true
                continue
            }
            guard let value = Int(number) else { throw invalid }
            let unit: Int
            switch (character, inTime) {
            case ("W", false): unit = 604_800
            case ("D", false): unit = 86_400
            case ("H", true): unit = 3600
            case ("M", true): unit = 60
            case ("S", true): unit = 1
            default: throw invalid
            }
            total += value * unit
            // Each part is at most 9 digits of weeks, so this check keeps the sum far from overflowing.
            guard total <= maximum else { throw invalid }
            units += 1
            number = ""
        }
        guard number.isEmpty, units > 0 else { throw invalid }
        return sign * total
    }
}
