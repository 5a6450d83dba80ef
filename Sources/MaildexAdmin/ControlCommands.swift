import ArgumentParser
import Foundation
import MaildexConfig

/// Where the running daemon's control socket is: --socket, else `<data>/control` with --dev,
/// else `<base_dir>/control` from the configuration (default /run/maildex/control).
struct ControlOptions: ParsableArguments {
    @Option(help: "The daemon's control socket.") var socket: String?
    @Option(name: [.customShort("c"), .long], help: "The maildexd configuration file (its base_dir holds the socket).") var config: String?
    @Flag(help: "The socket of `maildexd --dev` (./.maildex-dev/control).") var dev = false

    func path() throws -> String {
        if let socket { return socket }
        if dev { return GlobalOptions.devDataDirectory + "/control" }
        let file = config ?? GlobalOptions.defaultConfig
        var base = "/run/maildex"
        if FileManager.default.fileExists(atPath: file) || config != nil {
            do { base = try ConfigParser.parse(file: file).value("base_dir") ?? base } catch { throw AdminError("\(error)") }
        }
        return base + "/control"
    }

    /// Sends one command and returns the answer's lines (without the final OK).
    func ask(_ command: String) throws -> [String] {
        let path = try path()
        let fd = Foundation.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw AdminError("cannot create a socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw AdminError("socket path too long: \(path)") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in bytes.enumerated() { raw[i] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            throw AdminError("cannot reach maildexd at \(path): \(String(cString: strerror(errno))) (is it running? are you root?)")
        }
        let request = Array((command + "\r\n").utf8)
        guard request.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == request.count else {
            throw AdminError("cannot write to \(path)")
        }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw AdminError("maildexd closed the control connection") }
            buffer += chunk[0..<n]
            let lines = String(decoding: buffer, as: UTF8.self).components(separatedBy: "\r\n")
            if let end = lines.firstIndex(where: { $0 == "OK" || $0.hasPrefix("ERR") }) {
                if lines[end].hasPrefix("ERR") { throw AdminError(String(lines[end].dropFirst(4))) }
                return Array(lines[..<end])
            }
        }
    }
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "What the running maildexd listens on, its uptime, and connections per protocol.")
    @OptionGroup var control: ControlOptions

    func run() throws {
        for line in try control.ask("STATUS") { print(line) }
    }
}

struct WhoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "who", abstract: "Logged-in users: user, protocol, remote address, since, session id.")
    @OptionGroup var control: ControlOptions

    func run() throws {
        let lines = try control.ask("WHO")
        print(["USER", "PROTO", "REMOTE", "SINCE", "SESSION"].joined(separator: "\t"))
        for line in lines { print(line) }
    }
}

struct KickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kick", abstract: "Disconnect a user's sessions (IMAP clients are told * BYE).")
    @OptionGroup var control: ControlOptions
    @Argument(help: "The user name.") var user: String

    func run() throws {
        for line in try control.ask("KICK \(user)") { print(line) }
    }
}
