import Glibc
public import MaildexCore
import Foundation

/// A Maildir file name as Dovecot writes it:
/// `<secs>.M<usec>P<pid>Q<n>.<host>,S=<size>,W=<vsize>:2,<flags>`
/// (https://cr.yp.to/proto/maildir.html, Dovecot's `maildir-filename.c`).
///
/// - The **base** (up to the first `,` or `:`) never changes while the message exists; it is
///   the message's identity when another program renames the file.
/// - `,S=` is the file size in bytes, `,W=` the size with every line ending as CRLF (what
///   IMAP RFC822.SIZE and POP3 LIST report). Other `,X=…` fields are kept verbatim.
/// - After `:2,` come the flag letters in ASCII order: `D` Draft, `F` Flagged, `R` Answered,
///   `S` Seen, `T` Deleted, and `a`…`z` for keywords through `dovecot-keywords`.
///
/// ```swift
/// let name = MaildirFileName(parsing: "1700000000.M20046P1234.mail,S=1234,W=1260:2,Sa")!
/// name.base          // "1700000000.M20046P1234.mail"
/// name.systemFlags   // [.seen]
/// name.keywordIndexes // [0]
/// ```
public struct MaildirFileName: Hashable, Sendable, CustomStringConvertible {
    /// Everything before the first `,` or `:`: the stable identity of a message.
    public var base: String
    /// The `,S=` field: the file size in bytes.
    public var size: Int?
    /// The `,W=` field: the size with CRLF line endings (RFC 3501 RFC822.SIZE).
    public var virtualSize: Int?
    /// Other `,X=…` fields, verbatim and in order.
    public var extraFields: [String]
    /// The letters after `:2,`, as found on disk (sorted when this type builds them); `""` without info.
    public var flagLetters: String
    /// Whether the name has the `:2,` info part.
    public var hasInfo: Bool

    /// An info part that is not `:2,…` (such as the experimental `:1,…`), kept so the name round-trips.
    var otherInfo: String?
    /// The order in which `S`, `W` and the extra fields appeared, so a parsed name round-trips.
    var fieldOrder: [Field] = []
    enum Field: Hashable, Sendable { case size, virtualSize, extra }

    /// A name with no size fields and no info.
    public init(base: String, size: Int? = nil, virtualSize: Int? = nil, extraFields: [String] = [], flagLetters: String = "", hasInfo: Bool = false) {
        self.base = base
        self.size = size
        self.virtualSize = virtualSize
        self.extraFields = extraFields
        self.flagLetters = flagLetters
        self.hasInfo = hasInfo
    }

    /// Parses a file name found in `new/` or `cur/`. Returns nil for a name that cannot be a
    /// file name: empty, `.` or `..`, or containing `/` or NUL.
    public init?(parsing name: String) {
        // UTF-8 bytes throughout: Character-wise `firstIndex`, `split` and `hasPrefix` made this
        // a tenth of a POP3 RETR's CPU (every message read parses its recorded name).
        let utf8 = name.utf8
        guard !utf8.isEmpty, name != ".", name != "..", !utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == 0 }) else { return nil }
        let colon = utf8.firstIndex(of: UInt8(ascii: ":"))
        let fieldsEnd = colon ?? utf8.endIndex
        let baseEnd = utf8[..<fieldsEnd].firstIndex(of: UInt8(ascii: ",")) ?? fieldsEnd
        self.init(base: String(name[..<baseEnd]))
        var partEnd = baseEnd
        while partEnd < fieldsEnd {
            let partStart = utf8.index(after: partEnd)
            partEnd = utf8[partStart..<fieldsEnd].firstIndex(of: UInt8(ascii: ",")) ?? fieldsEnd
            let part = name[partStart..<partEnd]
            if let n = Self.field("S=", of: part), size == nil {
                size = n
                fieldOrder.append(.size)
            } else if let n = Self.field("W=", of: part), virtualSize == nil {
                virtualSize = n
                fieldOrder.append(.virtualSize)
            } else {
                extraFields.append(String(part))
                fieldOrder.append(.extra)
            }
        }
        if let colon {
            let info = name[utf8.index(after: colon)...]
            if info.utf8.starts(with: "2,".utf8) {
                hasInfo = true
                flagLetters = String(info.dropFirst(2))
            } else {
                otherInfo = String(info)
            }
        }
    }

    /// The number of a `S=123`-style field with this prefix, or nil.
    private static func field(_ prefix: StaticString, of part: Substring) -> Int? {
        let bytes = part.utf8
        let prefixBytes = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        guard bytes.starts(with: prefixBytes) else { return nil }
        let digits = bytes.dropFirst(prefixBytes.count)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// The full file name.
    public var description: String {
        var out = base
        var emittedSize = false, emittedVirtualSize = false
        var extras = extraFields[...]
        for field in fieldOrder {
            switch field {
            case .size:
                if let size, !emittedSize { out += ",S=\(size)"; emittedSize = true }
            case .virtualSize:
                if let virtualSize, !emittedVirtualSize { out += ",W=\(virtualSize)"; emittedVirtualSize = true }
            case .extra:
                if let extra = extras.popFirst() { out += "," + extra }
            }
        }
        if let size, !emittedSize { out += ",S=\(size)" }
        if let virtualSize, !emittedVirtualSize { out += ",W=\(virtualSize)" }
        for extra in extras { out += "," + extra }
        if hasInfo {
            out += ":2," + flagLetters
        } else if let otherInfo {
            out += ":" + otherInfo
        }
        return out
    }

    // MARK: - Flags

    /// The system flags among ``flagLetters`` (`D F R S T`).
    public var systemFlags: Set<Flag> {
        Set(flagLetters.compactMap { Flag(maildirLetter: $0) })
    }

    /// The keyword letters among ``flagLetters`` as indexes into `dovecot-keywords` (`a` is 0), ascending.
    public var keywordIndexes: [Int] {
        Set(flagLetters.unicodeScalars.compactMap { scalar -> Int? in
            ("a"..."z").contains(scalar) ? Int(scalar.value - 97) : nil
        }).sorted()
    }

    /// The same name with `:2,` and the given system flags and keyword indexes (0…25; others are
    /// dropped, as they do not fit in a name). Letters of other programs that are neither system
    /// flags nor keywords (such as `P`, passed) are kept.
    public func withFlags(_ flags: Set<Flag>, keywordIndexes: [Int]) -> MaildirFileName {
        var letters = Set(flagLetters.filter { !$0.isLowercase && Flag(maildirLetter: $0) == nil && $0.isASCII && $0.isLetter })
        for flag in flags { if let letter = flag.maildirLetter { letters.insert(letter) } }
        for index in keywordIndexes where (0..<DovecotKeywords.maximumInFileNames).contains(index) {
            letters.insert(Character(Unicode.Scalar(UInt8(97 + index))))
        }
        var copy = self
        copy.hasInfo = true
        copy.otherInfo = nil
        copy.flagLetters = String(letters.sorted { $0.asciiValue ?? 0 < $1.asciiValue ?? 0 })
        return copy
    }

    // MARK: - Unique names

    /// A new unique base, `<secs>.M<usec>P<pid>Q<n>.<host>`, with `,S=` and `,W=` and no info.
    ///
    /// `Q<n>` is a per-process counter, so two names made in the same microsecond differ.
    /// In the host name `/` is written `\057`, `:` `\072` (maildir spec) and `,` `\054`
    /// (so that the base still ends at the first `,`). The default host is `gethostname(2)`.
    public static func unique(hostname: String? = nil, size: Int, virtualSize: Int) -> MaildirFileName {
        let now = Date().timeIntervalSince1970
        let seconds = Int(now.rounded(.down))
        let microseconds = min(999_999, max(0, Int((now - Double(seconds)) * 1_000_000)))
        let host = escapeHostname(hostname ?? UniqueCounter.shared.hostname)
        let base = "\(seconds).M\(microseconds)P\(getpid())Q\(UniqueCounter.shared.next()).\(host)"
        var name = MaildirFileName(base: base, size: size, virtualSize: virtualSize)
        name.fieldOrder = [.size, .virtualSize]
        return name
    }

    static func escapeHostname(_ host: String) -> String {
        guard !host.isEmpty else { return "localhost" }
        var out = ""
        for character in host {
            switch character {
            case "/": out += "\\057"
            case ":": out += "\\072"
            case ",": out += "\\054"
            default: out.append(character)
            }
        }
        return out
    }
}

/// The per-process `Q<n>` counter and the cached host name.
final class UniqueCounter: @unchecked Sendable {
    static let shared = UniqueCounter()
    private let lock = NSLock()
    private var value = 0
    let hostname: String

    private init() {
        var buffer = [CChar](repeating: 0, count: 256)
        if gethostname(&buffer, buffer.count - 1) == 0 {
            hostname = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        } else {
            hostname = "localhost"
        }
    }

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
