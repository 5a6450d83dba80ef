import ArgumentParser
import Foundation
import MaildexAdmin
import MaildexConfig
import MaildexStore

/// The Maildex daemon. The front ends (IMAP, POP3, LMTP) are not built yet: this version prepares
/// the data directory, certificate and demo user, and says so instead of pretending to serve.
@main
struct MaildexD: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maildexd",
        abstract: "The Maildex mail server daemon."
    )

    @Option(name: [.customShort("c"), .long], help: "Configuration file (Dovecot syntax).") var config = "/etc/maildex/maildex.conf"
    @Flag(help: "Run with embedded development defaults: data in ./.maildex-dev, loopback ports, a demo user.") var dev = false
    @Option(help: "Data directory for --dev.") var devData = ".maildex-dev"

    static let notBuilt = "IMAP (1143/1993), POP3 (1110/1995) and LMTP (2424) are not built yet in this version: nothing is listening."

    func run() async throws {
        if dev {
            let env = DevEnvironment(dataDirectory: devData)
            let password = try await env.prepare()
            print("maildexd --dev: data directory \(env.dataDirectory)")
            print("maildexd --dev: certificate \(env.certificatePath) (self-signed for localhost)")
            print("maildexd --dev: demo user 'demo', password '\(password)'")
            print("maildexd --dev: try `mailadm user list --dev` and `mailadm mailbox list demo --dev`")
            print("maildexd: \(Self.notBuilt)")
            return
        }
        do {
            let parsed = try ConfigParser.parse(file: config)
            let store = try MailStore(configuration: StoreConfiguration(dataDirectory: parsed.value("state_dir") ?? "/var/lib/maildex"))
            let auth = try AuthConfiguration(config: parsed, store: store)
            for warning in auth.warnings { FileHandle.standardError.write(Data("maildexd: warning: \(warning)\n".utf8)) }
        } catch {
            FileHandle.standardError.write(Data("maildexd: \(error)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data("maildexd: \(config) is valid. \(Self.notBuilt)\n".utf8))
        throw ExitCode(69)
    }
}
