import Foundation
import MaildexTesting

/// The `openssl` command-line tool, as an independent judge of what libcrypto calls produced.
enum OpenSSLCLI {
    typealias Result = ChildProcess.Result

    struct Failed: Error, CustomStringConvertible {
        var arguments: [String]
        var result: Result
        var description: String { "openssl \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)" }
    }

    /// Runs `openssl arguments…` in `directory` and returns its status and output.
    static func run(_ arguments: [String], in directory: String? = nil, input: String? = nil) throws -> Result {
        try ChildProcess.run("/usr/bin/openssl", arguments, stdin: input, in: directory)
    }

    /// Runs `openssl arguments…` and throws unless it exits 0.
    @discardableResult
    static func require(_ arguments: [String], in directory: String? = nil) throws -> Result {
        let result = try run(arguments, in: directory)
        guard result.succeeded else { throw Failed(arguments: arguments, result: result) }
        return result
    }
}
