extension ConfigBlock {
    /// The settings whose key is not allowed where they stand, depth first (a block's own settings, then those of
    /// its nested blocks, each in file order): settings directly in this block are checked against `allowed`, settings in a nested block of type `T` against `allowedBlocks[T]`
    /// (all of them, when `T` has no entry). The server's config model uses this to stop start-up with
    /// `file:line: unknown setting 'x'`.
    public func unknownKeys(allowed: Set<String>, allowedBlocks: [String: Set<String>]) -> [ConfigSetting] {
        var unknown = settings.filter { !allowed.contains($0.key) }
        for block in blocks {
            unknown += block.unknownKeys(allowed: allowedBlocks[block.type] ?? [], allowedBlocks: allowedBlocks)
        }
        return unknown
    }

    /// The nested blocks, at any depth, whose type is not in `allowed` (an unknown block's own children are not
    /// listed separately).
    public func unknownBlocks(allowed: Set<String>) -> [ConfigBlock] {
        blocks.flatMap { allowed.contains($0.type) ? $0.unknownBlocks(allowed: allowed) : [$0] }
    }
}
