import Testing
import MaildexMIME

/// RFC 2047 decoding: valid words, joining rules, and malformed words left as written.
@Test(arguments: [
    // RFC 2047 §8 examples
    ("=?ISO-8859-1?Q?a?=", "a"),
    ("=?ISO-8859-1?Q?a?= b", "a b"),
    ("=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=", "ab"),
    ("=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=", "ab"),
    ("=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=", "ab"),
    ("=?ISO-8859-1?Q?a_b?=", "a b"),
    ("=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=", "a b"),
    ("=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard"),
    // B encoding, lower-case encoding letter, UTF-8
    ("=?UTF-8?B?5pel5pys6Kqe?=", "日本語"),
    ("=?utf-8?b?5pel5pys6Kqe?=", "日本語"),
    // a UTF-8 character split across two words is joined before decoding
    ("=?UTF-8?B?5pel5g==?= =?UTF-8?B?nKzoqp4=?=", "日本語"),
    // Japanese: ISO-2022-JP (the usual subject encoding) and Shift_JIS
    ("=?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=", "日本語"),
    ("=?iso-2022-jp?B?GyRCMnE1RCROGyhC?= =?ISO-2022-JP?B?GyRCNUQ7dk8/JEckORsoQg==?=", "会議の議事録です"),
    ("=?Shift_JIS?B?g2WDWINn?=", "テスト"),
    ("=?Shift_JIS?B?w73E?=", "ﾃｽﾄ"),
    // text around words, words glued to text, RFC 2231 language suffix, Q with =20 and underscores
    ("Re: =?utf-8?q?caf=C3=A9?= ok", "Re: café ok"),
    ("Re:=?utf-8?q?caf=C3=A9?=", "Re:café"),
    ("=?utf-8*en?Q?Hello_World=21?=", "Hello World!"),
    ("=?UTF-8?Q?a=20b?= c", "a b c"),
    // not encoded words: left exactly as written
    ("plain text", "plain text"),
    ("=?UTF-8?X?abc?=", "=?UTF-8?X?abc?="),
    ("=?x-unknown-charset?Q?abc?=", "=?x-unknown-charset?Q?abc?="),
    ("=?UTF-8?Q?unterminated", "=?UTF-8?Q?unterminated"),
    ("=?UTF-8?Q?has space?=", "=?UTF-8?Q?has space?="),
    ("=??Q?abc?=", "=??Q?abc?="),
    ("a =? b ?= c", "a =? b ?= c"),
])
func encodedWord(_ input: String, _ expected: String) {
    #expect(EncodedWord.decode(input) == expected)
}

/// Charset conversion through glibc iconv, with real encoded bytes (generated with iconv / Python codecs).
@Test(arguments: [
    ([0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x38, 0x6C, 0x1B, 0x28, 0x42], "ISO-2022-JP", "日本語"),
    ([0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA], "Shift_JIS", "日本語"),
    ([0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA], "x-sjis", "日本語"),
    ([0xB6, 0xC0, 0xB6, 0xC5], "shift_jis", "ｶﾀｶﾅ"),
    ([0x87, 0x40], "windows-31j", "①"),
    ([0xC6, 0xFC, 0xCB, 0xDC], "EUC-JP", "日本"),
    ([0x63, 0x61, 0x66, 0xE9], "ISO-8859-1", "café"),
    ([0x63, 0x61, 0x66, 0xE9], "\"iso-8859-15\"", "café"),
    ([0x80], "windows-1252", "€"),
    ([0xC1, 0xD7], "koi8-r", "ав"),
    ([0x63, 0x61, 0x66, 0xC3, 0xA9], "UTF-8", "café"),
    ([0x68, 0x69], "US-ASCII", "hi"),
    ([0x61, 0xFF, 0x62], "utf-8", "a\u{FFFD}b"),
    ([0x93, 0xFA, 0x96], "Shift_JIS", "日\u{FFFD}"),  // truncated sequence
])
func charsetDecode(_ bytes: [UInt8], _ charset: String, _ expected: String) {
    #expect(Charset.decode(bytes, charset: charset) == expected)
}

@Test func unknownCharsetIsNil() {
    #expect(Charset.decode([0x61], charset: "x-no-such-charset") == nil)
    #expect(Charset.decode([0x61], charset: "unknown-8bit") == nil)
}
