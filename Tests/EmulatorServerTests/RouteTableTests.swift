@testable import EmulatorServer
import Testing

/// The route table's rules, as OpenSearch's path trie has them: literals beat parameters, parameters beat
/// a remainder, and only the winning pattern's methods count.
@Suite("Route table precedence")
struct RouteTableTests {
    private static func table(_ entries: [(String, String)]) -> RouteTable {
        var table = RouteTable()
        for (method, pattern) in entries {
            table.add(method, pattern) { _ in .json(.string("\(method) \(pattern)")) }
        }
        return table
    }

    private static func resolved(_ table: RouteTable, _ method: String, _ path: String) -> String {
        switch table.resolve(method: method, path: path, rawURI: path) {
        case .success(let (route, parameters)):
            let bound = parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return "\(route.method) \(route.pattern.text) [\(bound)]"
        case .failure(let error):
            return "\(error.status) \(error.reason)"
        }
    }

    @Test func theMostSpecificPatternWinsPositionByPosition() {
        let table = Self.table([
            ("GET", "/a/{rest...}"), ("GET", "/a/{id}"), ("GET", "/a/_search"), ("POST", "/a/{id}/b"),
            ("GET", "/a/{id}/{tail...}"), ("GET", "/"),
        ])
        #expect(Self.resolved(table, "GET", "/a/_search") == "GET /a/_search []")
        #expect(Self.resolved(table, "GET", "/a/x") == "GET /a/{id} [id=x]")
        #expect(Self.resolved(table, "GET", "/a/x/c/d") == "GET /a/{id}/{tail...} [id=x,tail=c/d]")
        #expect(Self.resolved(table, "POST", "/a/x/b") == "POST /a/{id}/b [id=x]")
        #expect(Self.resolved(table, "GET", "/") == "GET / []")
        #expect(Self.resolved(table, "HEAD", "/a/x") == "GET /a/{id} [id=x]")
    }

    @Test func aLiteralThatLeadsNowhereFallsBackToTheParameter() {
        let table = Self.table([("GET", "/a/b/c"), ("GET", "/a/{id}/d"), ("GET", "/{rest...}")])
        #expect(Self.resolved(table, "GET", "/a/b/d") == "GET /a/{id}/d [id=b]")
        #expect(Self.resolved(table, "GET", "/a/b/e") == "GET /{rest...} [rest=a/b/e]")
    }

    @Test func onlyTheWinningPatternsMethodsAnswerA405() {
        let table = Self.table([("GET", "/a/{id}"), ("DELETE", "/a/{id}"), ("POST", "/a/{rest...}"), ("POST", "/a/x/y")])
        #expect(Self.resolved(table, "POST", "/a/x").hasPrefix("405 "))
        #expect(table.methods(path: "/a/x") == ["GET", "DELETE"])
        #expect(table.methods(path: "/a/x/z") == ["POST"])
        #expect(table.methods(path: "/b") == nil)
        #expect(Self.resolved(table, "GET", "/b").hasPrefix("400 "))
    }
}
