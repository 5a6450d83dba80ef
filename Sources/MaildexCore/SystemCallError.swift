#if canImport(Glibc)
import Glibc
#endif

/// A system call on a file that failed, with the path and `errno`, described the way a shell
/// tool would: `rename /a/tmp/x -> /a/new/x: No space left on device`.
public struct SystemCallError: Error, Equatable, CustomStringConvertible {
    /// The path (or `from -> to` for a rename or link).
    public var path: String
    /// The call that failed: `open`, `read`, `write`, `fsync`, `rename`, …
    public var operation: String
    /// The `errno` value.
    public var errno: Int32

    public init(path: String, operation: String, errno: Int32) {
        self.path = path
        self.operation = operation
        self.errno = errno
    }

    /// The system's text for ``errno``.
    public var reason: String { String(cString: strerror(errno)) }

    public var description: String { "\(operation) \(path): \(reason)" }
}
