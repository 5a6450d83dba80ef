/// A folder's `dovecot-keywords` file: which keyword each file-name letter `a`…`z` stands for.
///
/// The file has one line per keyword, `<index> <keyword>`, where index 0 is the letter `a`:
/// ```
/// 0 $Forwarded
/// 1 Junk
/// ```
/// Dovecot ignores lines without a space, with an index of 26 or more, or with an empty
/// keyword, and so does ``init(parsing:)``. Indexes may have gaps; a gap is `""` in
/// ``keywords``. Only 26 keywords fit in file names; further keywords live only in the index.
public struct DovecotKeywords: Sendable, Equatable {
    /// How many keywords file names can carry (`a`…`z`).
    public static let maximumInFileNames = 26

    /// The keywords by index: index `i` is the letter `"a" + i`; `""` marks an unused index.
    public var keywords: [String]

    public init(keywords: [String] = []) {
        self.keywords = keywords
    }

    /// Parses the file's text, skipping lines Dovecot skips.
    public init(parsing text: String) {
        var keywords: [String] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            guard let space = line.firstIndex(of: " ") else { continue }
            let digits = line[..<space], name = line[line.index(after: space)...]
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let index = Int(digits), index < Self.maximumInFileNames, !name.isEmpty else { continue }
            if keywords.count <= index { keywords += Array(repeating: "", count: index + 1 - keywords.count) }
            keywords[index] = String(name)
        }
        self.keywords = keywords
    }

    /// The file's text: one `<index> <keyword>\n` line per used index.
    public var serialized: String {
        keywords.enumerated().filter { !$0.element.isEmpty }.map { "\($0.offset) \($0.element)\n" }.joined()
    }

    /// The letter of `keyword`, matched case-insensitively (RFC 3501 §2.3.2), or nil.
    public func letter(for keyword: String) -> Character? {
        let wanted = keyword.lowercased()
        guard let index = keywords.firstIndex(where: { !$0.isEmpty && $0.lowercased() == wanted }),
              index < Self.maximumInFileNames else { return nil }
        return Self.letter(index)
    }

    /// The keyword a letter `a`…`z` stands for, or nil when unused.
    public func keyword(for letter: Character) -> String? {
        guard let index = Self.index(of: letter), index < keywords.count, !keywords[index].isEmpty else { return nil }
        return keywords[index]
    }

    /// The letter of `keyword`, adding it at the first free index when it is new.
    /// Returns nil when all 26 letters are taken (the keyword then lives only in the index).
    public mutating func addLetter(for keyword: String) -> Character? {
        if let letter = letter(for: keyword) { return letter }
        guard !keyword.isEmpty else { return nil }
        if let gap = keywords.firstIndex(of: "") {
            keywords[gap] = keyword
            return Self.letter(gap)
        }
        guard keywords.count < Self.maximumInFileNames else { return nil }
        keywords.append(keyword)
        return Self.letter(keywords.count - 1)
    }

    static func letter(_ index: Int) -> Character { Character(Unicode.Scalar(UInt8(97 + index))) }

    static func index(of letter: Character) -> Int? {
        guard let ascii = letter.asciiValue, ascii >= 97, ascii <= 122 else { return nil }
        return Int(ascii - 97)
    }
}
