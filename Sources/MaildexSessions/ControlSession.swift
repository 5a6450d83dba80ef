/// What the control socket can ask of a running server.
public protocol ServerControl: Sendable {
    /// `uptime`, `listener` and `connections` lines.
    func statusLines() -> [String]
    /// One line per logged-in connection: user, protocol, remote address, since, session id.
    func whoLines() -> [String]
    /// Disconnects a user's sessions (IMAP clients get `* BYE`); returns how many.
    func kick(user: String) -> Int
}

/// The daemon's control socket (`mailadm status`, `who`, `kick`): one command per line, the
/// answer's lines, then `OK` (or `ERR reason`). The socket is root-only; nothing here checks
/// who is asking.
public actor ControlSession: LineSession {
    let server: any ServerControl

    public init(server: any ServerControl) {
        self.server = server
    }

    public nonisolated var maximumLineLength: Int { 1_024 }

    public func start() async -> [SessionAction] { [] }

    public func receive(_ line: [UInt8]) async -> [SessionAction] {
        let words = String(decoding: line, as: UTF8.self).split(separator: " ").map(String.init)
        switch (words.first?.uppercased(), words.count) {
        case ("STATUS", 1): return reply(server.statusLines())
        case ("WHO", 1): return reply(server.whoLines())
        case ("KICK", 2): return reply(["kicked \(server.kick(user: words[1]))"])
        case (nil, _): return []
        default: return [.send(Array("ERR unknown command; STATUS, WHO or KICK <user>\r\n".utf8))]
        }
    }

    public func receiveTooLong() async -> [SessionAction] {
        [.send(Array("ERR line too long\r\n".utf8))]
    }

    public func tlsStarted() async {}
    public func closed() async {}

    private func reply(_ lines: [String]) -> [SessionAction] {
        [.send(Array((lines + ["OK"]).map { $0 + "\r\n" }.joined().utf8))]
    }
}
