import ArgumentParser
import Foundation
import MaildexAuth
import MaildexConfig

/// `mailadm auth test|lookup`, like `doveadm auth test` and `doveadm user`.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Check a login against the configured passdbs and userdbs.",
        subcommands: [Test.self, Lookup.self]
    )

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Authenticate a user (prompts for the password): which passdb matched, and the userdb fields.",
            discussion: "Exits 77 when authentication fails, as doveadm does. Applies username_format but no failure delay."
        )
        @OptionGroup var global: GlobalOptions
        @Argument var user: String
        @Option(name: .shortAndLong, help: "The password (visible in the process list; prefer the prompt).") var password: String?
        @ArgumentParser.Flag(help: "Read the password from standard input (one line).") var passwordStdin = false

        func run() async throws {
            let auth = try loadAuthConfiguration(global)
            let secret = try password ?? PasswordInput.read(fromStdin: passwordStdin, confirm: false)
            let name = auth.policy.usernameFormat.apply(to: user)
            switch await auth.authenticator.authenticate(user: name, password: secret) {
            case .success(let authenticated):
                print("passdb: \(name) auth succeeded (\(authenticated.passdb))")
                print("extra fields:")
                print("  user=\(authenticated.fields.username)")
                if let userdb = authenticated.userdb {
                    print("userdb: \(authenticated.fields.username) (\(userdb))")
                }
                printFields(authenticated.fields)
            case .failure(let failure):
                print("passdb: \(name) auth failed (\(failure))")
                throw ExitCode(77)
            }
        }
    }

    struct Lookup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Look a user up in the userdbs (home, mail, uid, gid).")
        @OptionGroup var global: GlobalOptions
        @Argument var user: String

        func run() async throws {
            let auth = try loadAuthConfiguration(global)
            let name = auth.policy.usernameFormat.apply(to: user)
            guard let fields = try await auth.authenticator.lookup(user: name) else { throw AdminError("no such user '\(name)' in any userdb") }
            print("userdb: \(fields.username)")
            printFields(fields)
        }
    }
}

private func printFields(_ fields: UserFields) {
    if let uid = fields.uid { print("  uid=\(uid)") }
    if let gid = fields.gid { print("  gid=\(gid)") }
    if let home = fields.home { print("  home=\(home)") }
    if let mail = fields.mail { print("  mail=\(mail)") }
    for (key, value) in fields.extra.sorted(by: { $0.key < $1.key }) { print("  \(key)=\(value)") }
}

/// The auth settings of the configuration (or the defaults: the user table of the data
/// directory), with warnings and malformed passwd-file lines printed to standard error.
func loadAuthConfiguration(_ global: GlobalOptions) throws -> AuthConfiguration {
    let config = try global.loadConfig()
    let store = try global.openStore()
    let auth: AuthConfiguration
    do {
        auth = try AuthConfiguration(config: config, store: store) { problem in
            FileHandle.standardError.write(Data("mailadm: warning: \(problem)\n".utf8))
        }
    } catch {
        throw AdminError("\(error)")
    }
    for warning in auth.warnings { FileHandle.standardError.write(Data("mailadm: warning: \(warning)\n".utf8)) }
    return auth
}
