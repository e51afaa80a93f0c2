/// The standard errors of `org.varlink.service`, which every Varlink service may return.
public enum VarlinkServiceError: VarlinkError, Equatable {
    public static let interface = "org.varlink.service"

    /// The interface part of a call's method is not served here.
    case interfaceNotFound(interface: String)
    /// The interface is served but has no such method.
    case methodNotFound(method: String)
    /// The method exists but does not support this kind of call (e.g. `upgrade`).
    case methodNotImplemented(method: String)
    /// A parameter is missing or has the wrong type; `parameter` names it (dotted path for nested).
    case invalidParameter(parameter: String)
    /// The peer may not use this service.
    case permissionDenied
    /// The method only works with `more: true`.
    case expectedMore
}
