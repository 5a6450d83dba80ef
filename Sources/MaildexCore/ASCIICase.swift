extension UInt8 {
    /// The byte with `A`-`Z` folded to `a`-`z`, every other byte as it is: ASCII
    /// case-insensitive comparison of names (header fields, commands) without lowercased copies.
    @inlinable public var asciiLowercased: UInt8 {
        self >= 0x41 && self <= 0x5A ? self | 0x20 : self
    }
}
