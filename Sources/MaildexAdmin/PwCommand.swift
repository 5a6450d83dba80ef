import ArgumentParser
import Foundation
import MaildexAuth

/// `mailadm pw`, like `doveadm pw`: prints `{SCHEME}hash`.
struct PwCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pw",
        abstract: "Hash a password the way `doveadm pw` does (default scheme SHA512-CRYPT).",
        discussion: "Schemes: \(PasswordHash.generatableSchemes.joined(separator: " "))"
    )
    @Option(name: .shortAndLong, help: "Password scheme.") var scheme = "SHA512-CRYPT"
    @Option(name: .shortAndLong, help: "The password (visible in the process list; prefer the prompt).") var password: String?
    @Flag(help: "Read the password from standard input (one line).") var passwordStdin = false
    @Option(name: .shortAndLong, help: "Verify this hash against the password instead of printing a new one.") var test: String?

    func run() async throws {
        let plain = try password ?? PasswordInput.read(fromStdin: passwordStdin, confirm: test == nil)
        if let test {
            guard try PasswordHash.verify(plain, against: test) else { throw AdminError("password does not match") }
            print("\(test) (verified)")
            return
        }
        do { print(try PasswordHash.generate(plain, scheme: scheme.uppercased())) } catch { throw AdminError("\(error)") }
    }
}
