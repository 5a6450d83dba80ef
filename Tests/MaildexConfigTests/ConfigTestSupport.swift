@testable import MaildexConfig

/// Parses `text` as `maildex.conf` with an in-memory file system: `files` maps resolved paths to contents,
/// anything else is missing.
func parse(_ text: String, files: [String: String] = [:], file: String = "maildex.conf") throws(ConfigError) -> ConfigBlock {
    try ConfigParser.parse(text: text, file: file, baseDirectory: ".") { path in
        guard let content = files[path] else { throw ConfigReadFailure.missing(path) }
        return content
    }
}

/// The error `text` fails with, or `nil` when it parses.
func parseError(_ text: String, files: [String: String] = [:]) -> ConfigError? {
    do {
        _ = try parse(text, files: files)
        return nil
    } catch {
        return error
    }
}

extension ConfigBlock {
    /// The same tree with every location blanked, to compare trees parsed from different texts.
    var withoutLocations: ConfigBlock {
        let nowhere = ConfigLocation(file: "", line: 0)
        var copy = self
        copy.location = nowhere
        copy.settings = settings.map { var setting = $0; setting.location = nowhere; return setting }
        copy.blocks = blocks.map(\.withoutLocations)
        return copy
    }
}

let samplePEM = """
    -----BEGIN CERTIFICATE-----
    MIIBszCCAVmgAwIBAgIUSeFmQ7eFLw1Zq1Bv3tX5CwA0W2MwCgYIKoZIzj0EAwIw
    FzEVMBMGA1UEAwwMbWFpbC5leGFtcGxlMB4XDTI0MDEwMTAwMDAwMFoXDTM0MDEw
    -----END CERTIFICATE-----
    """
