/// An element's expanded name (Namespaces in XML 1.0, section 2.1): its namespace and its local
/// name, whatever prefix the document used for it.
struct XMLName: Hashable, Sendable {
    /// The namespace name (a URI); empty for an element in no namespace.
    var namespace: String
    var local: String
}
