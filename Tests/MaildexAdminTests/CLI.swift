import Foundation
import MaildexTesting

/// Runs the built `mailadm` binary (scripts/test.sh builds it before the tests run).
struct CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static var mailadm: String { packageRoot + "/.build/debug/mailadm" }
    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: mailadm) }

    let data: String

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, withData: Bool = true) throws -> ChildProcess.Result {
        try ChildProcess.run(Self.mailadm, arguments + (withData ? ["--data", data] : []), stdin: stdin)
    }
}
