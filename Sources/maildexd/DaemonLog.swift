import Foundation
import Logging
import Synchronization

/// maildexd's log: one line per event (`2026-11-29T08:00:00Z info Login session=1a2b3c4d proto=imap
/// rip=192.0.2.7 user=alice method=PLAIN`), to stderr (the journal under systemd) or appended
/// to `log_path`.
enum DaemonLog {
    static func logger(path: String?) throws -> Logger {
        let sink: LineSink
        if let path, !path.isEmpty {
            sink = LineSink(FileHandle(fileDescriptor: try openForAppending(path), closeOnDealloc: true))
        } else {
            sink = LineSink(.standardError)
        }
        return Logger(label: "maildexd") { _ in LineLogHandler(sink: sink) }
    }

    /// Opens `path` for appending; a file that is missing is created with mode 0640 exactly
    /// (FileManager.createFile would write it through a directory in /tmp and leave that behind).
    static func openForAppending(_ path: String) throws -> Int32 {
        while true {
            let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            if fd >= 0 { return fd }
            guard errno == ENOENT else { throw LogFileError(path: path, reason: String(cString: strerror(errno))) }
            let created = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_CREAT | O_EXCL, 0o640)
            if created >= 0 {
                _ = fchmod(created, 0o640)   // whatever the umask
                return created
            }
            // Another process created it meanwhile: open that.
            guard errno == EEXIST else { throw LogFileError(path: path, reason: String(cString: strerror(errno))) }
        }
    }
}

struct LogFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "log_path \(path) cannot be opened for appending: \(reason)" }
}

/// Writes whole lines, one writer at a time.
final class LineSink: Sendable {
    private let handle: Mutex<FileHandle>
    init(_ handle: FileHandle) { self.handle = Mutex(handle) }
    /// A line that cannot be written (a full disk) is dropped: FileHandle's `write(_:)` would
    /// stop the process.
    func write(_ line: String) { handle.withLock { try? $0.write(contentsOf: Data((line + "\n").utf8)) } }
}

struct LineLogHandler: LogHandler {
    let sink: LineSink
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
             source: String, file: String, function: String, line: UInt) {
        let all = metadata.merging(extra ?? [:]) { _, new in new }
        // The connection's fields first, in a fixed order, then the event's.
        let order = ["session", "proto", "rip"]
        let fields = order.compactMap { key in all[key].map { "\(key)=\($0)" } }
            + all.keys.filter { !order.contains($0) }.sorted().map { "\($0)=\(all[$0]!)" }
        let time = Date().formatted(.iso8601)
        sink.write("\(time) \(level) \(message) " + fields.joined(separator: " "))
    }
}
