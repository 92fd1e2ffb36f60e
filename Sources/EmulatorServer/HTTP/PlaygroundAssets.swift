import Foundation

/// The playground's static files, read once from the resource folder beside the executable.
///
/// The folder is looked up by hand rather than through `Bundle.module`, whose accessor stops the process
/// when the folder is missing (a binary copied without it): then the playground answers 404 saying so.
struct PlaygroundAssets: Sendable {
    /// A file as served.
    struct Asset: Sendable {
        let contentType: String
        let text: String
    }

    /// The resource folder SwiftPM writes beside the executable (`<package>_<target>.resources`).
    static let bundleName = "ml-commons-emulator_EmulatorServer.resources"
    static let contentTypes = [
        "html": "text/html; charset=UTF-8", "js": "text/javascript; charset=UTF-8", "css": "text/css; charset=UTF-8",
    ]

    let assets: [String: Asset]
    /// Where the files were looked for, for the 404 of a binary that came without them.
    let searched: [String]

    init(searchPaths: [URL] = PlaygroundAssets.defaultSearchPaths) {
        searched = searchPaths.map(\.path)
        var assets: [String: Asset] = [:]
        for folder in searchPaths {
            let playground = folder.appendingPathComponent("Playground")
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: playground.path) else { continue }
            for name in names {
                guard let type = Self.contentTypes[(name as NSString).pathExtension],
                    let data = FileManager.default.contents(atPath: playground.appendingPathComponent(name).path)
                else { continue }
                assets[name] = Asset(contentType: type, text: String(decoding: data, as: UTF8.self))
            }
            break
        }
        self.assets = assets
    }

    /// Beside the executable (`swift run`, the test bundle, an installed copy), then `share/` beside its `bin/`.
    static var defaultSearchPaths: [URL] {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        let directory = Bundle.main.executableURL?.deletingLastPathComponent() ?? executable.deletingLastPathComponent()
        return [
            directory.appendingPathComponent(bundleName),
            directory.deletingLastPathComponent().appendingPathComponent("share/ml-commons-emulator/\(bundleName)"),
        ]
    }
}
