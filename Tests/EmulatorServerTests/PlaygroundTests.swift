import Foundation
import MLCommonsCore
@testable import EmulatorServer
import Testing

/// The playground's files as the emulator serves them (the browser test in `.ci/run` drives the page itself).
@Suite("Playground")
struct PlaygroundTests {
    @Test func thePageIsAtTheControlPlanesSlashAndTheListWithoutIt() async throws {
        try await EmulatorHarness.withServer { client in
            let page = try await client.call(.get, "/__emulator/")
            #expect(page.status == 200)
            #expect(page.headers[.contentType] == "text/html; charset=UTF-8")
            #expect(page.body.hasPrefix("<!doctype html>"))
            #expect(page.body.contains(#"<script type="module" src="/__emulator/playground/playground.js"></script>"#))
            let list = try await client.call(.get, "/__emulator").json
            #expect(list["playground"] == "/__emulator/")
            #expect(list["endpoints"]?.arrayValue?.contains(["method": "GET", "path": "/__emulator/playground/{file}"]) == true)
        }
    }

    @Test func scriptsAndStylesAreServedWithTheirTypes() async throws {
        try await EmulatorHarness.withServer { client in
            for (file, type) in [("playground.js", "text/javascript; charset=UTF-8"), ("playground.css", "text/css; charset=UTF-8")] {
                let reply = try await client.call(.get, "/__emulator/playground/\(file)")
                #expect(reply.status == 200)
                #expect(reply.headers[.contentType] == type)
                #expect(reply.headers[.cacheControl] == "no-cache")
                #expect(!reply.body.isEmpty)
            }
            let missing = try await client.call(.get, "/__emulator/playground/nope.js")
            #expect(missing.status == 404)
            #expect(missing.body == envelope("resource_not_found_exception", "the playground has no file [nope.js]", status: 404))
        }
    }

    /// A binary copied without its resource folder still serves the API, and says where the page's files belong.
    @Test func withoutItsFilesThePageSaysWhereTheyBelong() throws {
        let assets = PlaygroundAssets(searchPaths: [URL(fileURLWithPath: "/nonexistent/bin/x.resources")])
        #expect(assets.assets.isEmpty)
        #expect(throws: OpenSearchError.self) { try PlaygroundRoutes.servePage(assets) }
        do {
            _ = try PlaygroundRoutes.servePage(assets)
        } catch let error as OpenSearchError {
            #expect(error.status == 404)
            #expect(error.reason.contains("install the ml-commons-emulator_EmulatorServer.resources folder next to it"))
        }
    }
}
