import Foundation

enum FixturePaths {
    static var passwdFileDirectory: String {
        (Bundle.module.resourcePath ?? ".") + "/Fixtures/passwd-file"
    }

    /// A fresh directory under the system temporary directory; the caller removes it.
    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("maildex-auth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Collects reported problems across tasks.
final class ProblemLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    var all: [String] { lock.withLock { items } }
    func append(_ text: String) { lock.withLock { items.append(text) } }
}
