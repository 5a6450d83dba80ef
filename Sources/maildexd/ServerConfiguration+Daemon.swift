#if canImport(Glibc)
import Glibc
#endif
import Maildex
import MaildexAdmin
import MaildexAuth

extension ServerConfiguration {
    /// The server's settings for what a configuration file asks: its listeners (see
    /// ``DaemonListenerPlan``), TLS files, host name, and the login policy with `ssl = required` applied.
    init(daemon: DaemonConfiguration, listeners: [DaemonListener], auth: LoginPolicy) {
        self.init(listeners: listeners.map(ListenerConfiguration.init(daemon:)), certificatePath: daemon.certificatePath, keyPath: daemon.keyPath)
        caPath = daemon.caPath
        hostname = daemon.hostname ?? Self.systemHostname ?? hostname
        loginPolicy = daemon.loginPolicy(reconciling: auth)
        minimumTLSVersion = daemon.minimumTLSVersion == .tlsv13 ? .tls13 : .tls12
        connectionLimits = ConnectionLimits(maximumConnectionsPerAddress: daemon.maximumConnectionsPerIP > 0 ? daemon.maximumConnectionsPerIP : nil,
                                            loginTimeout: daemon.loginTimeoutSeconds > 0 ? .seconds(daemon.loginTimeoutSeconds) : nil)
    }
}

extension ServerConfiguration {
    /// gethostname(2), as Dovecot's default `hostname`; no DNS lookup (unlike ProcessInfo.hostName).
    static var systemHostname: String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return nil }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? nil : name
    }
}

extension ListenerConfiguration {
    init(daemon listener: DaemonListener) {
        let endpoint: Endpoint = switch listener.endpoint {
        case .tcp(let host, let port): .tcp(host: host, port: port)
        case .unix(let path): .unix(path: path)
        }
        let service: ServiceProtocol = switch listener.service {
        case .imap: .imap
        case .pop3: .pop3
        case .lmtp: .lmtp
        }
        let tls: TLSMode = switch listener.tls {
        case .none: .none
        case .startTLS: .startTLS
        case .implicit: .implicit
        }
        self.init(endpoint, service: service, tls: tls)
    }
}
