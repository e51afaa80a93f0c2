#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` with `strings` as a NULL-terminated C array (argv, envp), freed afterwards.
func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}
