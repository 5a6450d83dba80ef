import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a new password: from standard input (`--password-stdin`, one line), or by prompting
/// twice on the terminal with echo off.
enum PasswordInput {
    static func read(fromStdin: Bool, confirm: Bool = true) throws -> String {
        if fromStdin {
            guard let line = readLine(strippingNewline: true) else { throw AdminError("no password on standard input") }
            guard !line.isEmpty else { throw AdminError("empty password on standard input") }
            return line
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw AdminError("standard input is not a terminal; use --password-stdin to read the password from it")
        }
        let first = try prompt("New password: ")
        guard !first.isEmpty else { throw AdminError("empty password") }
        if confirm {
            let second = try prompt("Retype new password: ")
            guard first == second else { throw AdminError("passwords do not match") }
        }
        return first
    }

    /// Prompts on the terminal with echo off.
    static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw AdminError("no password entered") }
        return line
    }
}
