import Foundation

/// The `openssl` command-line tool, as an independent judge of what libcrypto calls produced.
enum OpenSSLCLI {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
        var succeeded: Bool { status == 0 }
    }

    struct Failed: Error, CustomStringConvertible {
        var arguments: [String]
        var result: Result
        var description: String { "openssl \(arguments.joined(separator: " ")) exited \(result.status): \(result.errors)" }
    }

    /// Runs `openssl arguments…` in `directory` and returns its status and output.
    static func run(_ arguments: [String], in directory: String? = nil, input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: out, as: UTF8.self),
            errors: String(decoding: err, as: UTF8.self))
    }

    /// Runs `openssl arguments…` and throws unless it exits 0.
    @discardableResult
    static func require(_ arguments: [String], in directory: String? = nil) throws -> Result {
        let result = try run(arguments, in: directory)
        guard result.succeeded else { throw Failed(arguments: arguments, result: result) }
        return result
    }
}
