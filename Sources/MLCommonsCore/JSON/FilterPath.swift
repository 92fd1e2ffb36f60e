/// OpenSearch's `filter_path` response filtering: a comma-separated list of dotted paths whose
/// segments are names, globs with `*`, `*` (any one key) or `**` (one or more levels); a leading
/// `-` excludes instead. Exclusion wins over inclusion; objects and arrays a filter empties are
/// dropped, while those a path selects whole are kept as they are.
public struct FilterPath: Sendable, Hashable {
    /// One path, as the segments still to match.
    struct Path: Sendable, Hashable {
        var segments: ArraySlice<String>

        var isComplete: Bool { segments.isEmpty }

        /// The path after `name`, when its first segment matches `name`.
        func after(_ name: String) -> Path? {
            guard let first = segments.first else { return nil }
            guard first == "*" || first == "**" || Glob.matches(first, name) else { return nil }
            return Path(segments: segments.dropFirst())
        }
    }

    let includes: [Path]
    let excludes: [Path]

    /// Parses a `filter_path` value; nil when it holds no path (no filtering at all).
    public init?(parsing value: String) throws(OpenSearchError) {
        var includes: [Path] = []
        var excludes: [Path] = []
        var sawExclusion = false
        for token in value.split(separator: ",").map({ String($0).trimmingWhitespace() }) where !token.isEmpty {
            if token.hasPrefix("-") {
                sawExclusion = true
                let path = String(token.dropFirst()).trimmingWhitespace()
                if !path.isEmpty { excludes.append(Path(segments: Self.segments(path)[...])) }
            } else {
                includes.append(Path(segments: Self.segments(token)[...]))
            }
        }
        if sawExclusion, excludes.isEmpty { throw .illegalArgument("filters cannot be null or empty") }
        guard !includes.isEmpty || !excludes.isEmpty else { return nil }
        self.includes = includes
        self.excludes = excludes
    }

    /// The response as filtered; the root object is always written, a root array may vanish (nil).
    public func apply(to value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        // The include filter sees the response first and hands what it keeps to the exclude filter.
        if !includes.isEmpty, let input = current { current = Self.filterRoot(input, paths: includes, inclusive: true) }
        if !excludes.isEmpty, let input = current { current = Self.filterRoot(input, paths: excludes, inclusive: false) }
        return current
    }

    /// `a.b\.c` → `a`, `b.c`: dots split segments unless escaped.
    private static func segments(_ path: String) -> [String] {
        var out: [String] = []
        var current = ""
        var escaped = false
        for character in path {
            if escaped {
                current += character == "." ? "." : "\\" + String(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "." {
                out.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current += "\\" }
        out.append(current)
        return out
    }

    private enum Decision {
        case all
        case none
        case partial([Path])
    }

    /// `FilterPathBasedFilter.evaluate`: a complete match, no match, or the paths left for the children.
    private static func evaluate(_ name: String, _ paths: [Path]) -> Decision {
        var remaining: [Path] = []
        for path in paths {
            guard let next = path.after(name) else { continue }
            if next.isComplete { return .all }
            // Equal paths filter alike; keeping one each stops `**` chains from multiplying them.
            if path.segments.first == "**", !remaining.contains(path) { remaining.append(path) }
            if !remaining.contains(next) { remaining.append(next) }
        }
        return remaining.isEmpty ? .none : .partial(remaining)
    }

    private static func filterRoot(_ value: JSONValue, paths: [Path], inclusive: Bool) -> JSONValue? {
        switch value {
        case .object(let object): return .object(filter(object, paths: paths, inclusive: inclusive))
        case .array: return filterChild(value, paths: paths, inclusive: inclusive)
        default: return value
        }
    }

    private static func filter(_ object: JSONObject, paths: [Path], inclusive: Bool) -> JSONObject {
        var out = JSONObject()
        for (key, child) in object {
            switch (evaluate(key, paths), inclusive) {
            case (.all, true), (.none, false): out[key] = child
            case (.all, false), (.none, true): continue
            case (.partial(let remaining), _):
                if let kept = filterChild(child, paths: remaining, inclusive: inclusive) { out[key] = kept }
            }
        }
        return out
    }

    /// A value under paths that go on: containers are kept when something in them is; scalars are
    /// kept by an exclude filter and dropped by an include filter.
    private static func filterChild(_ value: JSONValue, paths: [Path], inclusive: Bool) -> JSONValue? {
        // `JSONValue` is itself nil-expressible: `Optional.none` is spelled out so a dropped value
        // never becomes `null`.
        switch value {
        case .object(let object):
            let kept = filter(object, paths: paths, inclusive: inclusive)
            return kept.isEmpty ? Optional.none : .object(kept)
        case .array(let elements):
            let kept = elements.compactMap { filterChild($0, paths: paths, inclusive: inclusive) }
            return kept.isEmpty ? Optional.none : .array(kept)
        default:
            return inclusive ? Optional.none : value
        }
    }
}
