public import MaildexCore

/// Dovecot's `dovecot-uidlist`: the UID of each Maildir file, read once when a Dovecot user
/// migrates so that clients keep their caches (UIDVALIDITY and UIDs unchanged).
///
/// Version 3 (Dovecot 1.1 and later):
/// ```
/// 3 V1275660208 N25022 G3085f01b7f11094c501100008c4a11c1
/// 25006 W2048 :1276528487.M364837P9451.kurkku,S=1977:2,S
/// 25017 :1276529136.M130477P9511.kurkku,S=1360,W=1388
/// ```
/// The header is `3` and `<key><value>` fields (`V` UIDVALIDITY, `N` next UID, `G` mailbox
/// GUID, others kept by Dovecot and ignored here). A record is `<uid>`, optional `<key><value>`
/// fields with keys `A`…`Z` (`S` size, `W` virtual size, `P` POP3 UIDL, `O` POP3 order,
/// `G` GUID), then `:` and the file name (usually the base, sometimes the whole name).
///
/// Version 1 (Dovecot 1.0, Courier's `courierimapuiddb`): header `1 <uidvalidity> <nextuid>`,
/// records `<uid> <filename>`.
///
/// As in Dovecot's `maildir-uidlist.c`, UIDs must ascend, must not be 0 and (in version 1)
/// must be below the next UID; a file name may not contain `/`. Empty lines are skipped.
public struct DovecotUIDList: Sendable, Equatable {
    /// One message: its UID, its file name as written (base or full name) and its extension fields.
    public struct Record: Sendable, Equatable {
        public var uid: UID
        public var fileName: String
        /// Extension fields by key, such as `"W": "1234"`.
        public var fields: [String: String]

        public init(uid: UID, fileName: String, fields: [String: String] = [:]) {
            self.uid = uid
            self.fileName = fileName
            self.fields = fields
        }

        /// The base of ``fileName`` (it may be a full name with `,S=` and `:2,`).
        public var base: String { MaildirFileName(parsing: fileName)?.base ?? fileName }
    }

    public var version: Int
    public var uidValidity: UIDValidity
    /// The UID the next message will get; at least one above the last record's UID.
    public var nextUID: UID
    /// The mailbox GUID (`G`, 32 hex digits), version 3 only.
    public var guid: String?
    public var records: [Record]

    public init(version: Int = 3, uidValidity: UIDValidity, nextUID: UID, guid: String? = nil, records: [Record] = []) {
        self.version = version
        self.uidValidity = uidValidity
        self.nextUID = nextUID
        self.guid = guid
        self.records = records
    }

    /// Parses the file; throws ``DovecotUIDListError`` naming the line of the first problem.
    public init(parsing text: String) throws(DovecotUIDListError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first, !header.isEmpty else { throw DovecotUIDListError(line: 1, reason: "empty file") }
        (version, uidValidity, nextUID, guid) = try Self.parseHeader(header)
        records = []
        var previous: UInt32 = 0
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let number = offset + 1
            let record = try Self.parseRecord(line, version: version, line: number)
            guard record.uid.rawValue > previous else {
                throw DovecotUIDListError(line: number, reason: "UIDs not ascending (\(record.uid) after \(previous))")
            }
            if version == 1, record.uid >= nextUID {
                throw DovecotUIDListError(line: number, reason: "UID \(record.uid) is not below the next UID \(nextUID)")
            }
            previous = record.uid.rawValue
            records.append(record)
        }
        if let last = records.last, nextUID <= last.uid { nextUID = UID(last.uid.rawValue &+ 1) }
    }

    // header = "1 " uidvalidity SP nextuid / "3" *(SP key value)
    private static func parseHeader(_ line: Substring) throws(DovecotUIDListError) -> (Int, UIDValidity, UID, String?) {
        let parts = line.split(separator: " ")
        func fail(_ reason: String) -> DovecotUIDListError { DovecotUIDListError(line: 1, reason: reason) }
        switch parts.first {
        case "1":
            guard parts.count == 3, let validity = positive(parts[1]), let next = positive(parts[2]) else {
                throw fail("version 1 header is not '1 <uidvalidity> <nextuid>'")
            }
            return (1, UIDValidity(validity), UID(next), nil)
        case "3":
            var validity: UInt32?, next: UInt32?, guid: String?
            for field in parts.dropFirst() {
                let value = field.dropFirst()
                switch field.first {
                case "V": validity = positive(value)
                case "N": next = positive(value)
                case "G":
                    guard value.count == 32, value.allSatisfy(\.isHexDigit) else { throw fail("invalid mailbox GUID '\(value)'") }
                    guid = String(value)
                default: continue
                }
            }
            guard let validity, let next else { throw fail("version 3 header lacks a valid V<uidvalidity> or N<nextuid>") }
            return (3, UIDValidity(validity), UID(next), guid)
        default:
            throw fail("unsupported version '\(parts.first ?? "")'")
        }
    }

    // record-v3 = uid *(SP key value) SP ":" filename ; record-v1 = uid SP filename
    private static func parseRecord(_ line: Substring, version: Int, line number: Int) throws(DovecotUIDListError) -> Record {
        func fail(_ reason: String) -> DovecotUIDListError { DovecotUIDListError(line: number, reason: reason) }
        guard let space = line.firstIndex(of: " "), let uid = positive(line[..<space]), uid < UInt32.max else {
            throw fail("expected '<uid> ' at the start of '\(line)'")
        }
        var rest = line[line.index(after: space)...].drop(while: { $0 == " " })
        var fields: [String: String] = [:]
        if version == 3 {
            while let first = rest.first, first != ":" {
                let end = rest.firstIndex(of: " ") ?? rest.endIndex
                let field = rest[..<end]
                guard first.isASCII, first.isUppercase else { throw fail("invalid extension field '\(field)'") }
                fields[String(first)] = String(field.dropFirst())
                rest = rest[end...].drop(while: { $0 == " " })
            }
            guard rest.first == ":" else { throw fail("missing ':<filename>'") }
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { throw fail("missing file name") }
        guard !rest.contains("/") else { throw fail("file name '\(rest)' contains '/'") }
        return Record(uid: UID(uid), fileName: String(rest), fields: fields)
    }

    private static func positive(_ digits: Substring) -> UInt32? {
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = UInt32(digits), n > 0 else { return nil }
        return n
    }
}
