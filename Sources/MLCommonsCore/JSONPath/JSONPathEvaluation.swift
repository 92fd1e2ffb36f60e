/// One `read`: Jayway's token-by-token evaluation with the default options (no `REQUIRE_PROPERTIES`,
/// no `SUPPRESS_EXCEPTIONS`, no `DEFAULT_PATH_LEAF_TO_NULL`).
struct JSONPathEvaluation {
    private static let providerClass = "com.jayway.jsonpath.spi.json.JsonSmartJsonProvider"

    let tokens: [JSONPathToken]
    let model: JSONPath.DocumentModel
    var results: [JSONValue] = []
    /// `PathToken.upstreamArrayIndex`: set by a scan over arrays and kept for the rest of the read.
    private var upstreamArrayIndex: [Int]

    init(tokens: [JSONPathToken], model: JSONPath.DocumentModel) {
        self.tokens = tokens
        self.model = model
        self.upstreamArrayIndex = Array(repeating: -1, count: tokens.count)
    }

    mutating func evaluate(_ index: Int, currentPath: String, model value: JSONValue) throws(JSONPathError) {
        try spendStep()
        switch tokens[index] {
        case .property(let names, _):
            guard case .object(let object) = value else {
                guard isUpstreamDefinite(index) else { return }
                throw .pathNotFound(
                    "Expected to find an object with property \(tokens[index].fragment) in path \(currentPath) "
                        + "but found '\(model.className(of: value))'. This is not a json object according to the "
                        + "JsonProvider: '\(Self.providerClass)'.")
            }
            if names.count == 1 || isLeaf(index) {
                try handleObjectProperty(index, currentPath: currentPath, object: object, names: names)
            } else {
                for name in names { try handleObjectProperty(index, currentPath: currentPath, object: object, names: [name]) }
            }
        case .arrayIndex(let indexes):
            guard let elements = try arrayModel(index, currentPath: currentPath, value: value) else { return }
            for arrayIndex in indexes {
                try handleArrayIndex(index, arrayIndex, currentPath: currentPath, elements: elements)
            }
        case .arraySlice(let from, let to):
            guard let elements = try arrayModel(index, currentPath: currentPath, value: value) else { return }
            for arrayIndex in Self.sliceIndexes(from: from, to: to, length: elements.count) {
                try handleArrayIndex(index, arrayIndex, currentPath: currentPath, elements: elements)
            }
        case .wildcard:
            if case .object(let object) = value {
                for key in object.keys {
                    try handleObjectProperty(index, currentPath: currentPath, object: object, names: [key])
                }
            } else if case .array(let elements) = value {
                for arrayIndex in elements.indices {
                    do {
                        try handleArrayIndex(index, arrayIndex, currentPath: currentPath, elements: elements)
                    } catch .pathNotFound {
                        // `WildcardPathToken` drops misses below an array element unless properties are required.
                    }
                }
            }
        case .scan:
            try walk(index + 1, currentPath: currentPath, value: value)
        }
    }

    /// The most matches one read may collect: a deep scan repeated along a path multiplies its matches.
    static let maxResults = 100_000

    /// The most steps one read may take: repeated deep scans visit every combination of nodes along a path.
    static let maxSteps = 5_000_000
    private var steps = 0

    private mutating func spendStep() throws(JSONPathError) {
        steps += 1
        guard steps <= Self.maxSteps else { throw .unsupported("The path needs more than \(Self.maxSteps) steps to evaluate") }
    }

    private mutating func collect(_ value: JSONValue) throws(JSONPathError) {
        guard results.count < Self.maxResults else {
            throw .unsupported("The path matches more than \(Self.maxResults) values")
        }
        results.append(value)
    }

    // MARK: - Objects and arrays

    private mutating func handleObjectProperty(
        _ index: Int, currentPath: String, object: JSONObject, names: [String]
    ) throws(JSONPathError) {
        guard names.count == 1 else {
            // A multi-name leaf merges the names present into one object.
            var merged = JSONObject()
            for name in names { if let member = object[name] { merged[name] = member } }
            try collect(.object(merged))
            return
        }
        let name = names[0]
        let evalPath = currentPath + "['" + name + "']"
        guard let member = object[name] else {
            if isLeaf(index) { return }
            guard isUpstreamDefinite(index), tokens[index].isDefinite(isLeaf: false) else { return }
            throw .pathNotFound("Missing property in path \(evalPath)")
        }
        if isLeaf(index) {
            // Jayway's scan bookkeeping: a leaf reached from a scanned array keeps only the index the
            // step before the leaf names.
            let upstream = "[\(upstreamArrayIndex[index])]"
            if upstream == "[-1]" || fragmentBeforeLeaf == upstream { try collect(member) }
        } else {
            try evaluate(index + 1, currentPath: evalPath, model: member)
        }
    }

    private mutating func handleArrayIndex(
        _ index: Int, _ arrayIndex: Int, currentPath: String, elements: [JSONValue]
    ) throws(JSONPathError) {
        let evalPath = currentPath + "[\(arrayIndex)]"
        let effective = arrayIndex < 0 ? elements.count + arrayIndex : arrayIndex
        guard elements.indices.contains(effective) else { return }
        if isLeaf(index) {
            try collect(elements[effective])
        } else {
            try evaluate(index + 1, currentPath: evalPath, model: elements[effective])
        }
    }

    /// `ArrayPathToken.checkArrayModel`: the elements, nil to skip, or the error of a definite path.
    private func arrayModel(_ index: Int, currentPath: String, value: JSONValue) throws(JSONPathError) -> [JSONValue]? {
        if case .array(let elements) = value { return elements }
        guard isUpstreamDefinite(index) else { return nil }
        if value == .null { throw .pathNotFound("The path \(currentPath) is null") }
        throw .pathNotFound(
            "Filter: \(pathText(from: index)) can only be applied to arrays. Current context is: \(model.javaString(of: value))")
    }

    /// `ArraySliceToken`: from-only and to-only slices count negative bounds from the end; a between
    /// slice does not, and its negative start indexes from the end one element at a time.
    private static func sliceIndexes(from: Int?, to: Int?, length: Int) -> [Int] {
        switch (from, to) {
        case (let from?, nil):
            let start = max(0, from < 0 ? length + from : from)
            return length == 0 || start >= length ? [] : Array(start..<length)
        case (let from?, let to?):
            let end = min(length, to)
            // Indexes below -length miss anyway; skipping them keeps a huge negative start from costing its size.
            let start = max(from, -length)
            return start >= end || length == 0 ? [] : Array(start..<end)
        case (nil, let to?):
            guard length > 0 else { return [] }
            let end = min(length, to < 0 ? length + to : to)
            return end > 0 ? Array(0..<end) : []
        case (nil, nil):
            return []
        }
    }

    // MARK: - Deep scan

    /// `ScanPathToken.walk`: applies the step at `target` to every object/array at every depth, in document order.
    private mutating func walk(_ target: Int, currentPath: String, value: JSONValue) throws(JSONPathError) {
        try spendStep()
        switch value {
        case .object(let object):
            if scanMatches(target, value) { try evaluate(target, currentPath: currentPath, model: value) }
            for (key, member) in object {
                try walk(target, currentPath: currentPath + "['" + key + "']", value: member)
            }
        case .array(let elements):
            if scanMatches(target, value) {
                if isLeaf(target) {
                    try evaluate(target, currentPath: currentPath, model: value)
                } else {
                    for (offset, element) in elements.enumerated() {
                        upstreamArrayIndex[target + 1] = offset
                        try evaluate(target + 1, currentPath: currentPath + "[\(offset)]", model: element)
                    }
                }
            }
            for (offset, element) in elements.enumerated() {
                try walk(target, currentPath: currentPath + "[\(offset)]", value: element)
            }
        default:
            return
        }
    }

    /// The scan predicates: a property needs an object holding every name (or an indefinite property),
    /// an index or slice needs an array, a wildcard takes anything.
    private func scanMatches(_ target: Int, _ value: JSONValue) -> Bool {
        switch tokens[target] {
        case .property(let names, _):
            guard case .object(let object) = value else { return false }
            if !tokens[target].isDefinite(isLeaf: isLeaf(target)) { return true }
            return names.allSatisfy(object.contains)
        case .arrayIndex, .arraySlice:
            if case .array = value { return true }
            return false
        case .wildcard:
            return true
        case .scan:
            return false
        }
    }

    // MARK: - Path facts

    private func isLeaf(_ index: Int) -> Bool { index == tokens.count - 1 }

    private func isUpstreamDefinite(_ index: Int) -> Bool {
        tokens[..<index].allSatisfy { $0.isDefinite(isLeaf: false) }
    }

    /// The fragment of the step before the last one (the root's `$` for a one-step path).
    private var fragmentBeforeLeaf: String {
        tokens.count >= 2 ? tokens[tokens.count - 2].fragment : "$"
    }

    /// `PathToken.toString()`: this step's fragment and every later one.
    private func pathText(from index: Int) -> String {
        tokens[index...].map(\.fragment).joined()
    }
}
