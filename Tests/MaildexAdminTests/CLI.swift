import Foundation
import MaildexTesting

/// Runs the built `mailadm` binary (scripts/test.sh builds it before the tests run).
struct CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static var mailadm: String { packageRoot + "/.build/debug/mailadm" }
    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: mailadm) }
    /// `mail_uid = <this>` keeps a test's maildexd the user the tests run as (root stays root instead
    /// of becoming vmail, which some machines have and some do not).
    static var currentUser: String { NSUserName() }

    let data: String

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, withData: Bool = true) throws -> ChildProcess.Result {
        try ChildProcess.run(Self.mailadm, arguments + (withData ? ["--data", data] : []), stdin: stdin)
    }
}
