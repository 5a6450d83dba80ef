public import MaildexAuth
import NIOCore
import Synchronization

/// The part of the server a reload replaces: what the next connection is set up with.
struct LiveSettings: Sendable {
    var configuration: ServerConfiguration
    var authenticator: Authenticator
    var logins: LoginService<ContinuousClock>

    init(configuration: ServerConfiguration, authenticator: Authenticator) {
        self.configuration = configuration
        self.authenticator = authenticator
        logins = LoginService(authenticator: authenticator, policy: configuration.loginPolicy)
    }
}

extension MailServer {
    /// The settings new connections get: those given at init, or to the last ``reload(configuration:authenticator:)``.
    public var configuration: ServerConfiguration { live.withLock { $0.configuration } }
    /// The passdbs and userdbs new connections use.
    public var authenticator: Authenticator { live.withLock { $0.authenticator } }
    var logins: LoginService<ContinuousClock> { live.withLock { $0.logins } }

    /// Applies new settings to the connections accepted from now on (maildexd's SIGHUP): TLS
    /// certificate, key, chain and minimum version, the login policy (mechanisms, plaintext rules),
    /// host name, limits, logger, and the passdbs/userdbs. Open connections keep what they started
    /// with and are never closed. `configuration.listeners` is not used: the bound sockets stay.
    ///
    /// Throws, changing nothing, when the TLS files do not load or a listener needs TLS and no
    /// certificate is configured any more.
    public func reload(configuration: ServerConfiguration, authenticator: Authenticator) throws {
        var fresh = configuration
        fresh.listeners = self.configuration.listeners
        let tls = try makeTLSContext(for: fresh)
        if tls == nil, let listener = fresh.listeners.first(where: { $0.tls != .none }) { throw TLSNotConfigured(listener: listener) }
        live.withLock { $0 = LiveSettings(configuration: fresh, authenticator: authenticator) }
        tlsContext.withLock { $0 = tls }
    }

    /// Starts accepting on listeners bound with `start(acceptingConnections: false)`.
    public func acceptConnections() async throws {
        for channel in channels.withLock({ $0 }) { try await channel.setOption(.autoRead, value: true).get() }
    }
}
