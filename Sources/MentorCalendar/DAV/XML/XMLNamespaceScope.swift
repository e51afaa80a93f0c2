/// The namespace prefixes in force at each open element (Namespaces in XML 1.0, section 6): a
/// declaration holds for the element that makes it and everything inside, until an inner element
/// declares the prefix again.
struct XMLNamespaceScope {
    /// The namespace `xml:` always stands for, and the only one it may stand for.
    static let xml = "http://www.w3.org/XML/1998/namespace"
    /// The namespace of the `xmlns` attributes themselves, which no prefix may be bound to.
    static let xmlns = "http://www.w3.org/2000/xmlns/"

    /// Prefix and namespace, innermost last; the prefix "" is the default namespace, and its
    /// namespace "" means none.
    private var bindings: [(prefix: Substring, namespace: String)] = []
    /// Where each open element's declarations start in `bindings`.
    private var starts: [Int] = []

    /// Opens an element's scope; its declarations follow.
    mutating func enter() {
        starts.append(bindings.count)
    }

    /// Closes the innermost element's scope with its declarations.
    mutating func leave() {
        bindings.removeSubrange(starts.removeLast()...)
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
        bindings.append((prefix, namespace))
        return nil
    }

    /// The namespace `prefix` stands for here; nil when it is not declared. The default namespace
    /// ("") is "" when none is declared.
    func namespace(of prefix: Substring) -> String? {
        if prefix == "xml" { return Self.xml }
        if let binding = bindings.last(where: { $0.prefix == prefix }) { return binding.namespace }
        return prefix.isEmpty ? "" : nil
    }
}
