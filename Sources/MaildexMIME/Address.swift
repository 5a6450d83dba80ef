/// One address structure of an IMAP ENVELOPE (RFC 3501 §7.4.2): `(name adl mailbox host)`.
///
/// Group syntax (RFC 5322 §3.4) is a pair of markers around the group's members: the start marker has the group name
/// as `mailbox` and a nil `host`; the end marker has every field nil. So `undisclosed-recipients:;` is
/// `(NIL NIL "undisclosed-recipients" NIL)(NIL NIL NIL NIL)`.
public struct Address: Sendable, Equatable {
    /// The display name, as written (quotes removed, RFC 2047 words not decoded), or nil.
    public var name: String?
    /// The obsolete source route (`@a,@b`), or nil.
    public var adl: String?
    /// The local part, or the group name of a group start marker.
    public var mailbox: String?
    /// The domain; nil only in group markers.
    public var host: String?

    public init(name: String? = nil, adl: String? = nil, mailbox: String?, host: String?) {
        self.name = name
        self.adl = adl
        self.mailbox = mailbox
        self.host = host
    }

    /// The marker that opens group `name`.
    public static func groupStart(_ name: String) -> Address { Address(mailbox: name, host: nil) }
    /// The marker that closes a group.
    public static let groupEnd = Address(mailbox: nil, host: nil)

    public var isGroupStart: Bool { host == nil && mailbox != nil }
    public var isGroupEnd: Bool { host == nil && mailbox == nil }

    /// `mailbox@host`, or nil for group markers.
    public var addrSpec: String? {
        guard let mailbox, let host else { return nil }
        return host.isEmpty ? mailbox : "\(mailbox)@\(host)"
    }
}

// MARK: - Encoding

extension Address {
    /// address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
    public var imapString: String {
        "(\(IMAPString.nstring(name)) \(IMAPString.nstring(adl)) \(IMAPString.nstring(mailbox)) \(IMAPString.nstring(host)))"
    }
}

extension [Address] {
    /// `"(" 1*address ")" / nil`, as in ENVELOPE's from, sender, reply-to, to, cc and bcc.
    var imapAddressList: String {
        isEmpty ? "NIL" : "(" + map(\.imapString).joined() + ")"
    }

    /// The decoded display form `Alice Example <alice@example.com>, bob@example.org`, groups as `name: members;`.
    var displayForm: String {
        var items: [String] = []
        var group: (name: String, members: [String])?
        for address in self {
            if address.isGroupEnd {
                if let open = group { items.append(Self.groupForm(open.name, open.members)) }
                group = nil
            } else if address.isGroupStart {
                group = (EncodedWord.decode(address.mailbox ?? ""), [])
            } else {
                // Dovecot's placeholders for a missing local part or domain are not shown.
                var spec = address.host == "MISSING_DOMAIN" ? (address.mailbox ?? "") : (address.addrSpec ?? "")
                if spec == "MISSING_MAILBOX" { spec = "" }
                let name = address.name.map(EncodedWord.decode)?.trimmingWhitespace() ?? ""
                if spec.isEmpty && name.isEmpty { continue }
                let item = name.isEmpty ? spec : "\(name) <\(spec)>"
                if group != nil { group?.members.append(item) } else { items.append(item) }
            }
        }
        if let open = group { items.append(Self.groupForm(open.name, open.members)) }
        return items.joined(separator: ", ")
    }

    /// `name: a, b;`, and `name:;` for an empty group.
    private static func groupForm(_ name: String, _ members: [String]) -> String {
        members.isEmpty ? "\(name):;" : "\(name): \(members.joined(separator: ", "));"
    }
}
