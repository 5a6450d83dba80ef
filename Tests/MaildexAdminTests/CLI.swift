import Foundation
import MaildexTesting

/// Runs the built `mailadm` binary (scripts/test.sh builds it before the tests run).
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static var mailadm: String { packageRoot + "/.build/debug/mailadm" }
    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: mailadm) }

    let data: String

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, withData: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.mailadm)
        process.arguments = arguments + (withData ? ["--data", data] : [])
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
