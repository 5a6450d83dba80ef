/// The IMAP BODY / BODYSTRUCTURE of a message (RFC 3501 §7.4.2, §9 `body`).
///
///     C: a FETCH 1 BODYSTRUCTURE
///     S: * 1 FETCH (BODYSTRUCTURE (("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 3028 92 NIL NIL NIL NIL)
///        ("TEXT" "HTML" ("CHARSET" "us-ascii") NIL NIL "7BIT" 4004 120 NIL NIL NIL NIL) "ALTERNATIVE"
///        ("BOUNDARY" "b1") NIL NIL NIL))
///
/// Types, subtypes, encodings, disposition types and parameter names are upper-cased; parameter values are kept.
public indirect enum BodyStructure: Sendable, Equatable {
    /// body-type-1part: a basic, text or message part.
    case singlePart(SinglePart)
    /// body-type-mpart: the children, then the subtype and extension data.
    case multipart(Multipart)

    /// body-fld-param entry.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// body-fld-dsp = "(" string SP body-fld-param ")" / nil
    public struct Disposition: Sendable, Equatable {
        public var type: String
        public var parameters: [Parameter]
    }

    /// What follows body-fields: nothing (basic), body-fld-lines (text), or envelope, body and lines (message).
    public enum Kind: Sendable, Equatable {
        case basic
        case text(lines: Int)
        case message(envelope: Envelope, body: BodyStructure, lines: Int)
    }

    public struct SinglePart: Sendable, Equatable {
        public var type: String
        public var subtype: String
        public var parameters: [Parameter]
        public var id: String?
        public var description: String?
        /// body-fld-enc; `7BIT` by default (RFC 2045 §6.1).
        public var encoding: String
        public var octets: Int
        public var kind: Kind
        // body-ext-1part
        public var md5: String?
        public var disposition: Disposition?
        public var language: [String]
        public var location: String?
    }

    public struct Multipart: Sendable, Equatable {
        public var parts: [BodyStructure]
        public var subtype: String
        // body-ext-mpart
        public var parameters: [Parameter]
        public var disposition: Disposition?
        public var language: [String]
        public var location: String?
    }
}

// MARK: - Encoding

extension BodyStructure {
    /// The parenthesised `body`: with `extended`, the BODYSTRUCTURE form (with extension data); without, BODY.
    public func imapString(extended: Bool) -> String {
        switch self {
        case .singlePart(let part): part.imapString(extended: extended)
        case .multipart(let multipart): multipart.imapString(extended: extended)
        }
    }

    /// What Dovecot writes for a multipart without any part: RFC 3501 requires at least one body.
    static let emptyPart = BodyStructure.singlePart(SinglePart(
        type: "TEXT", subtype: "PLAIN", parameters: [Parameter(name: "CHARSET", value: "us-ascii")], id: nil,
        description: nil, encoding: "7BIT", octets: 0, kind: .text(lines: 0), md5: nil, disposition: nil, language: [],
        location: nil
    ))
}

extension BodyStructure.SinglePart {
    /// body-type-1part = (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]
    /// body-fields     = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
    /// body-ext-1part  = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
    func imapString(extended: Bool) -> String {
        var fields = [
            IMAPString.quotedOrLiteral(type), IMAPString.quotedOrLiteral(subtype), parameters.imapString,
            IMAPString.nstring(id), IMAPString.nstring(description), IMAPString.quotedOrLiteral(encoding), String(octets),
        ]
        switch kind {
        case .basic:
            break
        case .text(let lines):
            fields.append(String(lines))
        case .message(let envelope, let body, let lines):
            fields += [envelope.imapString, body.imapString(extended: extended), String(lines)]
        }
        if extended {
            fields += [IMAPString.nstring(md5), disposition.imapString, language.imapLanguage, IMAPString.nstring(location)]
        }
        return "(" + fields.joined(separator: " ") + ")"
    }
}

extension BodyStructure.Multipart {
    /// body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
    /// body-ext-mpart  = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
    func imapString(extended: Bool) -> String {
        let children = parts.isEmpty ? [BodyStructure.emptyPart] : parts
        var out = "(" + children.map { $0.imapString(extended: extended) }.joined()
        out += " " + IMAPString.quotedOrLiteral(subtype)
        if extended {
            out += " " + [parameters.imapString, disposition.imapString, language.imapLanguage, IMAPString.nstring(location)]
                .joined(separator: " ")
        }
        return out + ")"
    }
}

extension [BodyStructure.Parameter] {
    /// body-fld-param = "(" string SP string *(SP string SP string) ")" / nil
    var imapString: String {
        isEmpty ? "NIL" : "(" + map { IMAPString.quotedOrLiteral($0.name) + " " + IMAPString.quotedOrLiteral($0.value) }
            .joined(separator: " ") + ")"
    }
}

extension Optional<BodyStructure.Disposition> {
    var imapString: String {
        guard let disposition = self else { return "NIL" }
        return "(" + IMAPString.quotedOrLiteral(disposition.type) + " " + disposition.parameters.imapString + ")"
    }
}

extension [String] {
    /// body-fld-lang = nstring / "(" string *(SP string) ")"
    var imapLanguage: String {
        switch count {
        case 0: "NIL"
        case 1: IMAPString.quotedOrLiteral(self[0])
        default: "(" + map(IMAPString.quotedOrLiteral).joined(separator: " ") + ")"
        }
    }
}
