/// How one field of an index is indexed, as far as searching it is concerned.
public struct FieldMapping: Sendable, Hashable {
    /// The mapping types, grouped by how queries treat them.
    public enum Kind: Sendable, Hashable {
        /// Analyzed by the standard analyzer, with norms and positions: scored by BM25.
        case text
        /// The whole value is one term; no norms, no frequencies.
        case keyword
        /// `long`, `integer`, `float`, `double`…: points, matched by value with constant scores.
        case number
        case date
        /// Indexed as the terms `T` and `F`, like a keyword.
        case boolean
        /// `flat_object`: every leaf is a keyword term under its dotted path.
        case flatObject
        /// Mapped but not searchable here (`binary`, `object`, `nested`, …).
        case unsearchable
    }

    /// How queries treat the field.
    public var kind: Kind
    /// A keyword's `ignore_above`: longer values are not indexed.
    public var ignoreAbove: Int?
    /// A `knn_vector`'s `method.space_type` (`l2` when the mapping names none); nil for other types.
    public var vectorSpace: String?

    /// A mapping of a known kind.
    public init(kind: Kind, ignoreAbove: Int? = nil) {
        self.kind = kind
        self.ignoreAbove = ignoreAbove
    }

    /// The kind a mapping's `type` names.
    public init(type: String, ignoreAbove: Int? = nil) {
        switch type {
        case "text", "match_only_text": kind = .text
        case "keyword", "constant_keyword", "wildcard": kind = .keyword
        case "long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "unsigned_long":
            kind = .number
        case "date", "date_nanos": kind = .date
        case "boolean": kind = .boolean
        case "flat_object": kind = .flatObject
        default: kind = .unsearchable
        }
        self.ignoreAbove = ignoreAbove
    }
}
