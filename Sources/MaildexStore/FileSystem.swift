import Foundation
import MaildexCore

enum FileSystem {
    /// Creates a directory and its parents with mode 0700 (existing ones are left alone). Run as
    /// root, each new directory takes its parent's owner (``InheritedOwner``).
    static func makeDirectory(_ path: String) throws {
        var missing: [String] = []
        var url = URL(fileURLWithPath: path).standardizedFileURL
        while url.path != "/", !FileManager.default.fileExists(atPath: url.path) {
            missing.append(url.path)
            url.deleteLastPathComponent()
        }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for directory in missing.reversed() { InheritedOwner.adopt(path: directory) }
    }
}
