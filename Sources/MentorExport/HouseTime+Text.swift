extension HouseTime {
    /// `text` with every time written in the house form (`Thu 2026-12-03 14:00 +00:00`, in whatever
    /// zone) written in `zone` instead. For sentences the daemon wrote in its own zone, such as a
    /// capture's "has not started yet" warning: the offset makes each one an exact instant.
    public static func retimed(_ text: String, in zone: UserZone) -> String {
        let houseForm = #/(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2})? ([+-]\d{2}:\d{2})/#
        return text.replacing(houseForm) { match in
            let (_, day, time, seconds, offset) = match.output
            return when("\(day)T\(time)\(seconds ?? ":00")\(offset)", in: zone)
        }
    }
}
