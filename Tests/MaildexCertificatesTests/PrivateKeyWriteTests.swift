import Foundation
import MaildexCertificates
import MaildexTesting
import Testing

@Suite struct PrivateKeyWriteTests {
    @Test func createsFileWithMode0600() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("server.key")
        let key = try PrivateKey.generate(.ecP256)
        try key.write(to: path)
        #expect(try mode(of: path) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == key.pem)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["server.key"])
    }

    @Test func replacesAnExistingReadableFileWith0600() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("server.key")
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let key = try PrivateKey.generate(.ecP256)
        try key.write(to: path)
        #expect(try mode(of: path) == 0o600)
        #expect(try PrivateKey(pem: String(contentsOfFile: path, encoding: .utf8)).pem == key.pem)
    }

    @Test func refusesToFollowASymbolicLink() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let target = dir.path("elsewhere")
        try "keep".write(toFile: target, atomically: false, encoding: .utf8)
        let link = dir.path("server.key")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let error = #expect(throws: CertificateFileError.self) { try PrivateKey.generate(.ecP256).write(to: link) }
        #expect(error?.description.contains("symbolic link") == true)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
    }

    @Test func reportsAMissingDirectory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let error = #expect(throws: CertificateFileError.self) { try PrivateKey.generate(.ecP256).write(to: dir.path("no/such/server.key")) }
        #expect(error?.description.contains("No such file or directory") == true)
    }

    private func mode(of path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }
}
