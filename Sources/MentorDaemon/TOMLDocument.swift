/// A TOML document in the shape mentord's configuration has: keys before the first table, then
/// tables of keys, in file order, each with the line and column it is written at.
///
/// Values are strings, integers, booleans and arrays of them; ``TOMLReader`` refuses by name what
/// TOML has beyond that (floats, dates, inline tables, dotted or quoted keys, ...).
public struct TOMLDocument: Sendable, Hashable {
    /// A value.
    public enum Value: Sendable, Hashable {
        case string(String)
        case integer(Int64)
        case boolean(Bool)
        case array([Value])

        /// The string, if this is one.
        public var string: String? {
            if case .string(let text) = self { return text }
            return nil
        }

        /// The integer, if this is one.
        public var integer: Int64? {
            if case .integer(let number) = self { return number }
            return nil
        }

        /// The boolean, if this is one.
        public var boolean: Bool? {
            if case .boolean(let flag) = self { return flag }
            return nil
        }

        /// The items, if this is an array.
        public var array: [Value]? {
            if case .array(let items) = self { return items }
            return nil
        }
    }

    /// Where something is written: a line and a column (in characters), both from 1.
    public struct Position: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        /// `line:column`.
        public var description: String { "\(line):\(column)" }
    }

    /// `key = value`, and where the key is written.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var position: Position
        public var value: Value

        public init(key: String, position: Position, value: Value) {
            self.key = key
            self.position = position
            self.value = value
        }
    }

    /// A `[name]` table: its entries, and where its header is written.
    public struct Table: Sendable, Hashable {
        public var name: String
        public var position: Position
        public var entries: [Entry]

        public init(name: String, position: Position, entries: [Entry] = []) {
            self.name = name
            self.position = position
            self.entries = entries
        }
    }

    /// The entries before the first table header.
    public var topLevel: [Entry]
    /// The tables, in file order.
    public var tables: [Table]

    public init(topLevel: [Entry] = [], tables: [Table] = []) {
        self.topLevel = topLevel
        self.tables = tables
    }
}
