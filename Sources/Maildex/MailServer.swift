import Foundation
import Logging
public import MaildexAuth
import MaildexIMAPCodec
import MaildexSessions
public import MaildexStore
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// The embeddable server: listeners for the configured protocols over one store.
///
/// ```swift
/// let server = MailServer(configuration: .init(listeners: [.init(.tcp(host: "127.0.0.1", port: 0), service: .pop3)]),
///                         store: store, authenticator: authenticator)
/// let bound = try await server.start()          // the real ports
/// …
/// try await server.shutdown()
/// ```
public final class MailServer: Sendable {
    public let store: MailStore
    /// The settings, authenticator and login service new connections use (see MailServer+Reload).
    let live: Mutex<LiveSettings>
    private let group: MultiThreadedEventLoopGroup
    let channels = Mutex<[any Channel]>([])
    let connections = ConnectionRegistry()
    /// Open TCP connections per remote address (``ConnectionLimits``).
    let addressCounts = AddressConnectionCounter()
    /// Control connections are kept apart: `who` and `status` do not list them.
    private let controlConnections = ConnectionRegistry()
    let startedAt = Date()
    let boundListeners = Mutex<[BoundListener]>([])
    /// The TLS context new connections use; ``reloadCertificates()`` replaces it.
    let tlsContext = Mutex<NIOSSLContext?>(nil)

    /// A listener that is accepting connections, with the port the system gave it.
    public struct BoundListener: Sendable, Equatable {
        public var configuration: ListenerConfiguration
        /// The TCP port, or nil for a Unix socket.
        public var port: Int?
    }

    public init(configuration: ServerConfiguration, store: MailStore, authenticator: Authenticator) {
        self.store = store
        live = Mutex(LiveSettings(configuration: configuration, authenticator: authenticator))
        group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
    }

    /// Binds every listener. Throws (after closing what was bound) if one cannot be bound or the
    /// certificate cannot be loaded. With `acceptingConnections` false, connections wait in the
    /// listen queue until ``acceptConnections()`` (maildexd drops root privileges in between).
    public func start(acceptingConnections: Bool = true) async throws -> [BoundListener] {
        let tls = try makeTLSContext(for: configuration)
        tlsContext.withLock { $0 = tls }
        var bound: [BoundListener] = []
        do {
            for listener in configuration.listeners {
                if listener.tls != .none, tls == nil { throw TLSNotConfigured(listener: listener) }
                let channel = try await bind(listener, accepting: acceptingConnections)
                channels.withLock { $0.append(channel) }
                bound.append(BoundListener(configuration: listener, port: channel.localAddress?.port))
            }
        } catch {
            try? await shutdown()
            throw error
        }
        boundListeners.withLock { $0 = bound }
        return bound
    }

    /// Stops accepting and closes the listeners, then the event loops.
    /// Stops accepting, asks every connection to finish (a command in progress completes; IMAP
    /// clients get `* BYE`), waits up to `grace` for them to close, then stops the event loops.
    public func shutdown(grace: Duration = .seconds(8)) async throws {
        let open = channels.withLock { channels in defer { channels = [] }; return channels }
        for channel in open { try? await channel.close() }
        connections.shutdownAll()
        controlConnections.shutdownAll()
        let deadline = ContinuousClock.now + grace
        while connections.count + controlConnections.count > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        try await group.shutdownGracefully()
    }

    /// Reads the certificate, key and chain files again (SIGHUP after a renewal): new connections
    /// get the new certificate, open ones keep theirs. Throws, keeping the old one, when the new
    /// files do not load.
    public func reloadCertificates() throws {
        let fresh = try makeTLSContext(for: configuration)
        tlsContext.withLock { $0 = fresh }
    }

    private func bind(_ listener: ListenerConfiguration, accepting: Bool) async throws -> any Channel {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.autoRead, value: accepting)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.so_keepalive), value: 1)
            // NIO keeps a connection's largest read buffer for the next read. Commands are
            // short: starting at 512 bytes rather than 2 KiB saves an idle connection 1.5 KiB;
            // a message upload grows it in a few reads.
            .childChannelOption(.recvAllocator, value: AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 512, maximum: 65_536))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try self.setUp(channel, listener: listener, tls: listener.tls == .none ? nil : self.tlsContext.withLock { $0 })
                }
            }
        switch listener.endpoint {
        case .tcp(let host, let port):
            // IPv6 sockets are IPv6 only, as Dovecot's: `listen = *, ::` binds 0.0.0.0 and :: side by side.
            let address = try SocketAddress.makeAddressResolvingHost(host, port: port)
            let v6only = ChannelOptions.Types.SocketOption(level: .ipv6, name: .ipv6_v6only)
            return try await (address.protocol == .inet6 ? bootstrap.serverChannelOption(v6only, value: 1) : bootstrap).bind(to: address).get()
        case .unix(let path):
            return try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).get()
        }
    }

    private func setUp(_ channel: any Channel, listener: ListenerConfiguration, tls: NIOSSLContext?) throws {
        let remote: String
        if case .unix = listener.endpoint { remote = "local" } else { remote = channel.remoteAddress?.ipAddress ?? "unknown" }
        let id = ConnectionInfo.newID()
        var log = configuration.logger
        log[metadataKey: "session"] = "\(id)"
        log[metadataKey: "proto"] = "\(listener.service.rawValue)"
        log[metadataKey: "rip"] = "\(remote)"
        let connections = self.connections
        let connection = ConnectionInfo(remoteAddress: remote, isTLS: listener.tls == .implicit,
                                        canStartTLS: listener.tls == .startTLS, hostname: configuration.hostname, id: id, log: log,
                                        loggedIn: { user in connections.setUser(id, user) }, executor: channel.eventLoop.executor)
        let snapshot = ConnectionSnapshot(id: id, service: listener.service.rawValue, remoteAddress: remote, user: nil, since: Date())
        let sync = channel.pipeline.syncOperations
        if try refuseOrGuard(channel, listener: listener, remote: remote, id: id) { return }
        if listener.tls == .implicit, let tls { try sync.addHandler(NIOSSLServerHandler(context: tls)) }
        let startTLS = listener.tls == .startTLS ? tls : nil
        let resolver = MailResolver(store: store)
        switch listener.service {
        case .imap:
            let session = IMAPSession(connection: connection, logins: logins, resolver: resolver, limits: configuration.imapLimits)
            try sync.addHandler(IMAPFramer(decoder: IMAPFrameDecoder(maximumLineLength: configuration.imapLimits.maximumLineLength,
                                                                     maximumLiteralSize: configuration.imapLimits.appendLimit)))
            try sync.addHandler(SessionHandler(session: session, tls: startTLS, connections: connections, log: log, snapshot: snapshot))
        case .pop3:
            let session = POP3Session(connection: connection, logins: logins, resolver: resolver)
            try sync.addHandler(LineFramer(maximumLineLength: session.maximumLineLength))
            try sync.addHandler(SessionHandler(session: session, tls: startTLS, connections: connections, log: log, snapshot: snapshot))
        case .control:
            let session = ControlSession(server: self)
            try sync.addHandler(LineFramer(maximumLineLength: session.maximumLineLength))
            try sync.addHandler(SessionHandler(session: session, tls: nil, connections: controlConnections,
                                               log: ConnectionInfo.silent, snapshot: snapshot))
        case .lmtp:
            let session = LMTPSession(connection: connection, authenticator: authenticator, resolver: resolver, limits: configuration.lmtpLimits)
            try sync.addHandler(LineFramer(maximumLineLength: session.maximumLineLength))
            try sync.addHandler(SessionHandler(session: session, tls: startTLS, connections: connections, log: log, snapshot: snapshot))
        }
    }

    func makeTLSContext(for configuration: ServerConfiguration) throws -> NIOSSLContext? {
        guard let certificatePath = configuration.certificatePath, let keyPath = configuration.keyPath else { return nil }
        var chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        if let ca = configuration.caPath { chain += try NIOSSLCertificate.fromPEMFile(ca) }
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: keyPath, format: .pem))
        )
        tls.minimumTLSVersion = configuration.minimumTLSVersion == .tls13 ? .tlsv13 : .tlsv12
        // Clients that never send close_notify must not hold up a shutdown (STACK.md).
        tls.shutdownTimeout = .seconds(1)
        return try NIOSSLContext(configuration: tls)
    }
}

/// A STARTTLS or implicit-TLS listener without `ssl_cert`/`ssl_key`.
public struct TLSNotConfigured: Error, CustomStringConvertible {
    public var listener: ListenerConfiguration
    public var description: String { "the \(listener.service.rawValue) listener needs TLS, but no certificate and key are configured (ssl_cert, ssl_key)" }
}
