import Foundation

enum FileSystem {
    /// Creates a directory and its parents with mode 0700 (existing ones are left alone).
    static func makeDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}
