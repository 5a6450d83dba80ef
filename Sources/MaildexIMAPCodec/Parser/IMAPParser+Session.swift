// Commands of the any and not-authenticated states that take arguments: ID, AUTHENTICATE,
// LOGIN, and ENABLE.
extension IMAPParser {
    // id              = "ID" SP id-params-list                         (RFC 2971)
    // id-params-list  = "(" *(string SP nstring *(SP string SP nstring)) ")" / nil
    mutating func parseID() throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        if consumeKeyword("NIL") { return .id(nil) }
        var parameters: [IDParameter] = []
        try parseList { (p: inout IMAPParser) throws(IMAPParseError) in
            let name = try p.parseString("field name")
            try p.expect(IMAPGrammar.space, "SP after field name")
            parameters.append(IDParameter(name: name, value: try p.parseNString("field value")))
        }
        return .id(parameters)
    }

    // authenticate    = "AUTHENTICATE" SP auth-type [SP (base64 / "=")]   (RFC 4959)
    // auth-type       = atom
    mutating func parseAuthenticate() throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        let mechanism = try parseAtom("mechanism").uppercased()
        guard hasMoreArguments else { return .authenticate(mechanism: mechanism, initialResponse: nil) }
        index += 1
        let response = take { Self.isBase64Char($0) }
        guard !response.isEmpty else { throw error("invalid initial response") }
        let text = String(decoding: response, as: UTF8.self)
        // base64 = *(4base64-char) [base64-terminal]: padding only at the end.
        let padding = text.drop(while: { $0 != "=" })
        guard text == "=" || (padding.count <= 2 && padding.allSatisfy { $0 == "=" } && text.count % 4 == 0) else {
            throw error("invalid initial response")
        }
        return .authenticate(mechanism: mechanism, initialResponse: text)
    }

    static func isBase64Char(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || IMAPGrammar.isDigit(b) || b == 0x2B || b == 0x2F || b == 0x3D
    }

    // login           = "LOGIN" SP userid SP password
    mutating func parseLogin() throws(IMAPParseError) -> IMAPCommandKind {
        try expectSP()
        let username = try parseAString("user name")
        try expectSP()
        return try .login(username: username, password: parseAString("password"))
    }

    // enable          = "ENABLE" 1*(SP capability)                     (RFC 5161)
    mutating func parseEnable() throws(IMAPParseError) -> IMAPCommandKind {
        var capabilities: [String] = []
        repeat {
            try expectSP()
            capabilities.append(try parseAtom("capability"))
        } while hasMoreArguments
        return .enable(capabilities)
    }
}
