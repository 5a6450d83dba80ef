/// Renders a parsed configuration back in Dovecot syntax, like `doveconf -n`.
///
/// ```
/// ssl = required
/// ssl_cert = </etc/maildex/tls/server.crt
/// ssl_key = # hidden, use -P to show it
/// service imap-login {
///   inet_listener imaps {
///     port = 993
///   }
/// }
/// ```
/// Settings come before nested blocks, each in file order; nested blocks are indented by two spaces. A value read
/// from a file is shown as `<path`, never its content, so key material cannot leak into output. Secrets (see
/// ``isSecret(_:)``) are masked unless `showSecrets` is true. Values are quoted where needed so the output parses
/// back to the same values.
public enum ConfigRenderer {
    /// The text Dovecot shows instead of a secret value.
    public static let hiddenMarker = "# hidden, use -P to show it"

    public static func render(_ block: ConfigBlock, showSecrets: Bool = false) -> String {
        var lines: [String] = []
        if block.type.isEmpty {
            appendBody(of: block, indent: "", showSecrets: showSecrets, to: &lines)
        } else {
            appendBlock(block, indent: "", showSecrets: showSecrets, to: &lines)
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Whether a key holds a secret: any key containing `password`, and private-key keys (`ssl_key`,
    /// `ssl_alt_key`, `ssl_client_key`).
    public static func isSecret(_ key: String) -> Bool {
        let key = key.lowercased()
        return key.contains("password") || (key.hasPrefix("ssl") && key.hasSuffix("_key"))
    }

    private static func appendBody(of block: ConfigBlock, indent: String, showSecrets: Bool, to lines: inout [String]) {
        for setting in block.settings {
            lines.append(indent + render(setting, showSecrets: showSecrets))
        }
        for child in block.blocks {
            appendBlock(child, indent: indent, showSecrets: showSecrets, to: &lines)
        }
    }

    private static func appendBlock(_ block: ConfigBlock, indent: String, showSecrets: Bool, to lines: inout [String]) {
        let name = block.name.map { " " + ($0.contains("=") ? quoted($0) : quotedIfNeeded($0)) } ?? ""
        lines.append("\(indent)\(block.type)\(name) {")
        appendBody(of: block, indent: indent + "  ", showSecrets: showSecrets, to: &lines)
        lines.append("\(indent)}")
    }

    private static func render(_ setting: ConfigSetting, showSecrets: Bool) -> String {
        if !showSecrets, isSecret(setting.key) { return "\(setting.key) = \(hiddenMarker)" }
        if let path = setting.sourceFile { return "\(setting.key) = <\(quotedIfNeeded(path))" }
        if setting.value.isEmpty { return "\(setting.key) =" }
        return "\(setting.key) = \(quotedIfNeeded(setting.value))"
    }

    /// Quotes a value that would otherwise read back differently: surrounding whitespace, a leading quote or `<`,
    /// `$` (variable expansion), `#` (comment), `{`/`}`, a trailing `\` (continuation), or a line break.
    static func quotedIfNeeded(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return "\"\"" }
        let needsQuotes = first == " " || first == "\t" || last == " " || last == "\t"
            || first == "\"" || first == "'" || first == "<" || last == "\\"
            || value.unicodeScalars.contains { "$#{}\n\r".unicodeScalars.contains($0) }
        return needsQuotes ? quoted(value) : value
    }

    /// `"value"` with `"` and `\` escaped by a backslash.
    static func quoted(_ value: String) -> String {
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { quoted.unicodeScalars.append("\\") }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }
}
