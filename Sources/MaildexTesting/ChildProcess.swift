import Foundation

/// Runs a program to completion for a test: standard input from a string, output collected.
public enum ChildProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var succeeded: Bool { status == 0 }
    }

    /// ``run(_:_:stdin:in:)`` on a thread of its own, for async tests: a test that waits for a
    /// child process must not block one of Swift concurrency's few threads, or an in-process server
    /// the child talks to may never get to run (2 cores: 2 threads).
    public static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, in directory: String? = nil) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result<ChildProcess.Result, any Error> {
                    try run(executable, arguments, stdin: stdin, in: directory)
                })
            }
        }
    }

    /// Runs `executable arguments…` (in `directory` when given), feeding `stdin` and then closing it.
    public static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, in directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
