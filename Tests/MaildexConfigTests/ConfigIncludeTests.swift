import Foundation
import MaildexTesting
import Testing
@testable import MaildexConfig

/// Includes and `<file` values against real files in a temporary directory.
@Suite struct ConfigIncludeTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory(prefix: "maildex-config") }

    func write(_ relativePath: String, _ content: String) throws {
        let path = directory.path(relativePath)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true
        )
        try content.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func error(parsing relativePath: String) -> ConfigError? {
        do {
            _ = try ConfigParser.parse(file: directory.path(relativePath))
            return nil
        } catch {
            return error
        }
    }

    @Test func issue7ExampleFromDisk() throws {
        defer { directory.remove() }
        try write("tls/server.crt", samplePEM + "\n")
        try write("tls/server.key", "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n")
        try write("tls/intermediate.crt", samplePEM + "\r\n")
        try write("maildex.conf", issue7Example.replacingOccurrences(of: "/etc/maildex/", with: directory.path + "/"))
        let config = try ConfigParser.parse(file: directory.path("maildex.conf"))
        #expect(config.value("ssl_cert") == samplePEM)
        #expect(config.value("ssl_ca") == samplePEM)
        #expect(config.setting("ssl_key")?.sourceFile == directory.path("tls/server.key"))
        #expect(config.value("ssl_key")?.components(separatedBy: "\n").count == 3)
        #expect(config.blocks("userdb").first?.value("driver") == "passwd")
        #expect(config.location.file == directory.path("maildex.conf"))
    }

    @Test func globIncludesInOrderAndIncludeTrySkipsWhatIsMissing() throws {
        defer { directory.remove() }
        try write("maildex.conf", """
            protocols = imap
            !include conf.d/*.conf
            !include_try missing.d/*.conf
            !include_try nothere.conf
            !include_try "conf.d/15-quoted name.conf"
            last = yes
            """)
        try write("conf.d/10-mail.conf", "mail_location = maildir:~/Maildir\nprotocols = $protocols pop3\n")
        try write("conf.d/20-imap.conf", "protocol imap {\n  mail_plugins = imap_quota\n}\n")
        try write("conf.d/15-quoted name.conf", "quoted = included\n")
        try write("conf.d/README", "this is not a config file\n")
        let config = try ConfigParser.parse(file: directory.path("maildex.conf"))
        #expect(config.value("protocols") == "imap pop3")
        #expect(config.value("mail_location") == "maildir:~/Maildir")
        #expect(config.value("quoted") == "included")
        #expect(config.value("last") == "yes")
        #expect(config.block("protocol", named: "imap")?.value("mail_plugins") == "imap_quota")
        #expect(config.setting("mail_location")?.location == ConfigLocation(file: directory.path("conf.d/10-mail.conf"), line: 1))
        // The quoted file is included twice (by the glob and by name), so its setting appears twice.
        #expect(config.settings.map(\.key) == ["protocols", "mail_location", "protocols", "quoted", "quoted", "last"])
    }

    @Test func includeInsideABlockAndFileValuesRelativeToTheIncludingFile() throws {
        defer { directory.remove() }
        try write("maildex.conf", "passdb {\n  !include auth/passdb.conf.ext\n}\n!include conf.d/10-ssl.conf\n")
        try write("auth/passdb.conf.ext", "driver = passwd-file\nargs = scheme=SHA512-CRYPT username_format=%u /etc/maildex/users\n")
        try write("conf.d/10-ssl.conf", "ssl_cert = <../tls/cert.pem\n")
        try write("tls/cert.pem", samplePEM + "\n\n")
        let config = try ConfigParser.parse(file: directory.path("maildex.conf"))
        #expect(config.blocks("passdb").first?.value("driver") == "passwd-file")
        #expect(config.value("ssl_cert") == samplePEM)
        #expect(config.setting("ssl_cert")?.sourceFile == directory.path("tls/cert.pem"))
    }

    @Test func includeErrorsNameTheIncludedFileAndLine() throws {
        defer { directory.remove() }
        try write("unclosed.conf", "a = 1\n!include inner.conf\n")
        try write("inner.conf", "\npassdb {\n")
        #expect(error(parsing: "unclosed.conf")?.description
            == "\(directory.path("inner.conf")): unexpected end of file: block 'passdb' opened at line 2 is not closed")

        try write("closes-parent.conf", "passdb {\n!include closer.conf\n}\n")
        try write("closer.conf", "driver = pam\n}\n")
        #expect(error(parsing: "closes-parent.conf")?.description == "\(directory.path("closer.conf")):2: '}' without an open block")

        try write("noglob.conf", "\n!include conf.d/*.conf\n")
        #expect(error(parsing: "noglob.conf")?.description == "\(directory.path("noglob.conf")):2: !include 'conf.d/*.conf' matched no files")

        try write("badfile.conf", "ssl_cert = <nope.pem\n")
        #expect(error(parsing: "badfile.conf")?.description
            == "\(directory.path("badfile.conf")):1: cannot read '<nope.pem': No such file or directory")

        try FileManager.default.createDirectory(atPath: directory.path("adir"), withIntermediateDirectories: true)
        try write("trydir.conf", "!include_try adir\n")
        #expect(error(parsing: "trydir.conf")?.description
            == "\(directory.path("trydir.conf")):1: cannot read '!include_try adir': Is a directory")

        #expect(error(parsing: "absent.conf")?.description
            == "\(directory.path("absent.conf")): cannot read file: No such file or directory")
    }

    @Test func includeCyclesAreDetected() throws {
        defer { directory.remove() }
        try write("a.conf", "x = 1\n!include b.conf\n")
        try write("b.conf", "y = 2\n\n!include a.conf\n")
        let a = directory.path("a.conf"), b = directory.path("b.conf")
        #expect(error(parsing: "a.conf")?.description == "\(b):3: !include cycle: \(a) -> \(b) -> \(a)")

        try write("self/self.conf", "k = v\n!include_try *.conf\n")
        let me = directory.path("self/self.conf")
        #expect(error(parsing: "self/self.conf")?.description == "\(me):2: !include cycle: \(me) -> \(me)")
    }
}

/// Includes against an in-memory file system, and path resolution.
@Suite struct ConfigIncludePathTests {
    @Test func includeCycleWithInjectedFiles() {
        let files = ["a.conf": "!include b.conf\n", "b.conf": "x = 1\n\n!include a.conf\n"]
        #expect(parseError("!include b.conf\n", files: files, file: "a.conf")?.description
            == "b.conf:3: !include cycle: a.conf -> b.conf -> a.conf")
        // The same file twice in a row is fine; only a file including itself (indirectly) is a cycle.
        let twice = try? parse("!include c.conf\n!include c.conf\n", files: ["c.conf": "k = v\n"])
        #expect(twice?.settings.count == 2)
    }

    @Test func pathsResolveLexically() {
        #expect(ConfigPath.resolve("b.conf", against: ".") == "b.conf")
        #expect(ConfigPath.resolve("../tls/x.pem", against: "/etc/maildex/conf.d") == "/etc/maildex/tls/x.pem")
        #expect(ConfigPath.resolve("/abs//x", against: "/etc") == "/abs/x")
        #expect(ConfigPath.resolve("./x", against: "conf") == "conf/x")
        #expect(ConfigPath.directory(of: "maildex.conf") == ".")
        #expect(ConfigPath.directory(of: "/maildex.conf") == "/")
        #expect(ConfigPath.directory(of: "/etc/maildex/maildex.conf") == "/etc/maildex")
    }
}

func parseError(_ text: String, files: [String: String], file: String) -> ConfigError? {
    do {
        _ = try parse(text, files: files, file: file)
        return nil
    } catch {
        return error
    }
}
