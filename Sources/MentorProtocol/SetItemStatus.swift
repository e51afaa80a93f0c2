/// `io.mentord.SetItemStatus`: marks an action item or topic open, done or dropped.
public enum SetItemStatus: VarlinkMethod {
    public static let name = "io.mentord.SetItemStatus"
    /// The same three fields a capture's ``Wire/ItemUpdate`` has: which item, and its new status.
    public typealias Parameters = Wire.ItemUpdate
    public typealias Reply = Wire.ItemReply
}
