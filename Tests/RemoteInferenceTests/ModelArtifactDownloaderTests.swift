import RemoteInference
import Testing

@Suite struct ModelArtifactDownloaderTests {
    @Test func aFileThatNeverEndsStopsAtTheLimit() async throws {
        let downloader = ModelArtifactDownloader(maximumBytes: 4 << 20)
        await #expect(throws: ModelArtifactDownloader.Failure.self) { try await downloader.download("file:///dev/zero") }
    }

    @Test func aMissingFileIsNamed() async throws {
        let downloader = ModelArtifactDownloader()
        do {
            _ = try await downloader.download("file:///nonexistent/model.zip")
            Issue.record("a missing file downloaded")
        } catch let failure as ModelArtifactDownloader.Failure {
            #expect(failure.message == "/nonexistent/model.zip (No such file or directory)")
        }
    }
}
