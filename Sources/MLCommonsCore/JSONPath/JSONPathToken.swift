/// One step of a compiled path, as Jayway's `PathToken` subclasses model them.
enum JSONPathToken: Sendable, Hashable {
    /// `.name`, `['name']`, `['a','b']`; the quote is kept for the path's text form.
    case property(names: [String], quote: Character)
    /// `[0]`, `[-1]`, `[0,2]`.
    case arrayIndex([Int])
    /// `[1:3]`, `[1:]`, `[:3]`.
    case arraySlice(from: Int?, to: Int?)
    /// `.*` or `[*]`.
    case wildcard
    /// `..`: the following step applied at every depth.
    case scan

    /// `getPathFragment()`.
    var fragment: String {
        switch self {
        case .property(let names, let quote):
            return "[" + names.map { "\(quote)\($0)\(quote)" }.joined(separator: ",") + "]"
        case .arrayIndex(let indexes):
            return "[" + indexes.map(String.init).joined(separator: ",") + "]"
        case .arraySlice(let from, let to):
            return "[" + (from.map(String.init) ?? "") + ":" + (to.map(String.init) ?? "") + "]"
        case .wildcard:
            return "[*]"
        case .scan:
            return ".."
        }
    }

    /// `isTokenDefinite()`; a multi-name property is definite only as the last step (it then merges).
    func isDefinite(isLeaf: Bool) -> Bool {
        switch self {
        case .property(let names, _): return names.count == 1 || isLeaf
        case .arrayIndex(let indexes): return indexes.count == 1
        case .arraySlice, .wildcard, .scan: return false
        }
    }
}
