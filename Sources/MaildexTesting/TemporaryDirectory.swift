public import Foundation

/// A fresh directory under the system temporary directory, removed by ``remove()``.
///
/// ```swift
/// let dir = try TemporaryDirectory()
/// defer { dir.remove() }
/// let path = dir.path("Maildir")
/// ```
public struct TemporaryDirectory: Sendable {
    /// The absolute path of the directory.
    public let path: String

    public init(prefix: String = "maildex-test") throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        var template = Array("\(base)/\(prefix).XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: template.map { UInt8(bitPattern: $0) } + [])
    }

    /// `path/component`.
    public func path(_ component: String) -> String { (path as NSString).appendingPathComponent(component) }
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// Deletes the directory and everything in it. Foundation stops at the first file that
    /// vanishes under it (SQLite deletes `-wal` and `-shm` files when a store closes meanwhile),
    /// so it tries again while anything is left.
    public func remove() {
        for _ in 0..<10 where FileManager.default.fileExists(atPath: path) {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
