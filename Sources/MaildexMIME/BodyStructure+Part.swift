extension BodyStructure {
    /// The body structure of `part`, whose ranges index into `bytes`.
    ///
    /// Sizes are byte counts of the given bytes; body-fld-lines counts LF characters, as Dovecot does.
    init(part: MIMEPart, bytes: [UInt8]) {
        let type = part.contentType
        let disposition = part.header.first("Content-Disposition").map(HeaderParameters.init(parsing:))
            .flatMap { parsed -> Disposition? in
                guard !parsed.value.isEmpty else { return nil }
                return Disposition(type: parsed.value.uppercased(), parameters: parsed.encoded.map(Parameter.init))
            }
        let language = (part.header.first("Content-Language") ?? "")
            .split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
            .map(String.init)
        let location = part.header.first("Content-Location")
        var parameters = type.encodedParameters.map { Parameter(name: $0.0.uppercased(), value: $0.1) }

        if type.isMultipart {
            self = .multipart(Multipart(
                parts: part.parts.map { BodyStructure(part: $0, bytes: bytes) },
                subtype: type.subtype.uppercased(), parameters: parameters, disposition: disposition,
                language: language, location: location
            ))
            return
        }
        if type.type == "text" && !parameters.contains(where: { $0.name == "CHARSET" }) {
            // RFC 2046 §4.1.2: text defaults to US-ASCII; Dovecot states it, after any other parameters.
            parameters.append(Parameter(name: "CHARSET", value: "us-ascii"))
        }
        let lines = Self.lineCount(bytes, in: part.bodyRange)
        let kind: Kind
        if let message = part.message {
            kind = .message(envelope: Envelope(header: message.header), body: BodyStructure(part: message, bytes: bytes), lines: lines)
        } else if type.isEncapsulatedMessage {
            // Not descended into (too deep, or encoded): keep the grammar of body-type-msg with an empty message.
            kind = .message(envelope: Envelope(), body: BodyStructure.emptyPart, lines: lines)
        } else if type.type == "text" {
            kind = .text(lines: lines)
        } else {
            kind = .basic
        }
        self = .singlePart(SinglePart(
            type: type.type.uppercased(), subtype: type.subtype.uppercased(), parameters: parameters,
            id: part.header.first("Content-ID"), description: part.header.first("Content-Description"),
            encoding: part.contentTransferEncoding.uppercased(), octets: part.bodyRange.count, kind: kind,
            md5: part.header.first("Content-MD5"), disposition: disposition, language: language, location: location
        ))
    }
}

extension BodyStructure {
    /// body-fld-lines: the number of LF characters in the body (a last line without one is not counted, as in Dovecot).
    static func lineCount(_ bytes: [UInt8], in range: Range<Int>) -> Int {
        let clamped = range.clamped(to: 0..<bytes.count)
        return bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            for index in clamped where buffer[index] == .lf { count += 1 }
            return count
        }
    }
}

extension BodyStructure.Parameter {
    init(_ parameter: HeaderParameters.Parameter) {
        self.init(name: parameter.name.uppercased(), value: parameter.value)
    }
}
