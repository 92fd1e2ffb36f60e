import MLCommonsCore

/// `MetadataCreateIndexService.validateIndexName`: the checks a new index's name must pass, in order.
enum IndexNameRules {
    /// `Strings.INVALID_FILENAME_CHARS` as its `HashSet.toString()` prints it.
    static let invalidCharactersText = #"[ , ", *, \, <, |, ,, >, /, ?]"#
    static let invalidCharacters: Set<Character> = ["\\", "/", "*", "?", "\"", "<", ">", "|", " ", ","]
    /// `MetadataCreateIndexService.MAX_INDEX_NAME_BYTES`.
    static let maxBytes = 255

    /// Throws `invalid_index_name_exception` for a name OpenSearch refuses to create.
    static func validate(_ name: String) throws(OpenSearchError) {
        func invalid(_ why: String) -> OpenSearchError { .invalidIndexName(name, why) }
        if name.contains(where: invalidCharacters.contains) {
            throw invalid("must not contain the following characters " + invalidCharactersText)
        }
        if name.isEmpty { throw invalid("must not be empty") }
        if name.contains("#") { throw invalid("must not contain '#'") }
        if name.contains(":") { throw invalid("must not contain ':'") }
        if let first = name.first, first == "_" || first == "-" || first == "+" {
            throw invalid("must not start with '_', '-', or '+'")
        }
        let bytes = name.utf8.count
        if bytes > maxBytes { throw invalid("index name is too long, (\(bytes) > \(maxBytes))") }
        if name == "." || name == ".." { throw invalid("must not be '.' or '..'") }
        if name.lowercased() != name { throw invalid("must be lowercase") }
        // OpenSearch stores indices under their UUID; the emulator keys them by name in SQLite, which a NUL ends.
        if name.utf8.contains(0) { throw invalid("must not contain a NUL character (an emulator limit)") }
    }
}
