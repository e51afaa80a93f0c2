/// The namespace prefixes in force at each open element (Namespaces in XML 1.0, section 6): a
/// declaration holds for the element that makes it and everything inside, until an inner element
/// declares the prefix again.
struct XMLNamespaceScope {
    /// The namespace `xml:` always stands for, and the only one it may stand for.
    static let xml = "http://www.w3.org/XML/1998/namespace"
    /// The namespace of the `xmlns` attributes themselves, which no prefix may be bound to.
    static let xmlns = "http://www.w3.org/2000/xmlns/"

    /// The namespaces bound to each prefix, innermost last; the prefix "" is the default namespace,
    /// and its namespace "" means none. A dictionary, so a lookup costs the same however many
    /// declarations are in force.
    private var bindings: [Substring: [String]] = [:]
    /// The prefixes each open element declared, innermost last, to unbind when it closes.
    private var declared: [[Substring]] = []

    /// Opens an element's scope; its declarations follow.
    mutating func enter() {
        declared.append([])
    }

    /// Closes the innermost element's scope with its declarations.
    mutating func leave() {
        for prefix in declared.removeLast() {
            bindings[prefix]!.removeLast()
            if bindings[prefix]!.isEmpty { bindings[prefix] = nil }
        }
    }

    /// Binds `prefix` ("" for the default namespace) in the innermost scope; the reason it may not,
    /// if it may not.
    mutating func declare(prefix: Substring, namespace: String) -> String? {
        if prefix == "xmlns" { return "the prefix xmlns cannot be declared" }
        if (prefix == "xml") != (namespace == Self.xml) {
            return prefix == "xml"
                ? "the prefix xml cannot stand for another namespace" : "only the prefix xml can stand for \(Self.xml)"
        }
        if namespace == Self.xmlns { return "no prefix can stand for \(Self.xmlns)" }
        if !prefix.isEmpty && namespace.isEmpty { return "the prefix \(prefix) is declared with an empty namespace" }
        bindings[prefix, default: []].append(namespace)
        declared[declared.count - 1].append(prefix)
        return nil
    }

    /// The namespace `prefix` stands for here; nil when it is not declared. The default namespace
    /// ("") is "" when none is declared.
    func namespace(of prefix: Substring) -> String? {
        if prefix == "xml" { return Self.xml }
        if let namespace = bindings[prefix]?.last { return namespace }
        return prefix.isEmpty ? "" : nil
    }
}
