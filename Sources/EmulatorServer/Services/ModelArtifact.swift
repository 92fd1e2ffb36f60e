import Foundation
import MLCommonsCore
import RemoteInference
import WireFormats

/// The content a local registration stores: a downloaded zip, or, for the pretrained catalogue (by name,
/// or by the URL of a published artifact), a small stand-in the emulator keeps in place of the network's
/// weights, with the published hash and size where they are known.
struct ModelArtifact: Sendable {
    let functionName: String
    let modelFormat: String
    let modelConfig: JSONObject?
    let contentHash: String
    let contentSize: Int
    /// What the chunk documents hold.
    let content: [UInt8]
    let totalChunks: Int
    /// From the catalogue: the request's own description, limits and settings are not carried over.
    let isPretrained: Bool

    /// Stand-in content starts with this, so deploy knows not to check it against a published hash.
    static let standInPrefix = Array("ml-commons-emulator stand-in for ".utf8)

    /// ml-commons' resolution: by URL (downloaded, checked as a model zip, hash compared), else by name from
    /// the pretrained list. Throws what the task's `error` then shows.
    static func resolve(_ registration: ModelRegistration, downloader: ModelArtifactDownloader) async throws -> ModelArtifact {
        let format = registration.modelFormat ?? "TORCH_SCRIPT"
        if let url = registration.url {
            if let published = PretrainedCatalogue.all.first(where: { $0.artifactURL == url }) {
                if let expected = registration.contentHash, let known = published.contentHash, expected != known {
                    throw OpenSearchError.illegalArgument("model content changed")
                }
                return standIn(for: published, functionName: registration.functionName, modelConfig: registration.modelConfig)
            }
            let bytes = try await downloader.download(url)
            try checkZip(bytes, format: format, functionName: registration.functionName)
            guard let expected = registration.contentHash else {
                throw OpenSearchError.illegalArgument(
                    "Model content Hash code need to be provided when register via url. Please calculate sha 256 Hash code.")
            }
            let hash = ContentDigest.sha256Hex(bytes)
            guard hash == expected else { throw OpenSearchError.illegalArgument("model content changed") }
            return ModelArtifact(
                functionName: registration.functionName, modelFormat: format, modelConfig: registration.modelConfig,
                contentHash: hash, contentSize: bytes.count, content: bytes,
                totalChunks: max(1, (bytes.count + LocalModelService.chunkSize - 1) / LocalModelService.chunkSize),
                isPretrained: false)
        }
        guard let entry = PretrainedCatalogue.model(name: registration.name, version: registration.version, format: format) else {
            throw OpenSearchError.illegalArgument(LocalModelService.notInCatalogue)
        }
        // The highlighter's config builder is chosen by the request's function name, as ModelHelper does.
        if entry.requiresRequestFunctionName && registration.functionName != entry.functionName {
            throw OpenSearchError.illegalArgument("embedding dimension is null")
        }
        return standIn(for: entry, functionName: entry.functionName, modelConfig: entry.modelConfig)
    }

    private static func standIn(for entry: PretrainedModel, functionName: String, modelConfig: JSONObject?) -> ModelArtifact {
        let content = standInPrefix + Array("\(entry.name) \(entry.version) \(entry.format.rawValue)".utf8)
        let size = entry.contentSize ?? content.count
        return ModelArtifact(
            functionName: functionName, modelFormat: entry.format.rawValue, modelConfig: modelConfig,
            contentHash: entry.contentHash ?? ContentDigest.sha256Hex(content), contentSize: size, content: content,
            totalChunks: max(1, (size + LocalModelService.chunkSize - 1) / LocalModelService.chunkSize), isPretrained: true)
    }

    /// `ModelHelper.verifyModelZipFile`: one model file of the declared format and a tokenizer.
    static func checkZip(_ bytes: [UInt8], format: String, functionName: String) throws {
        guard let zip = ZipDirectory(bytes) else { throw OpenSearchError.illegalArgument("zip END header not found") }
        var modelFiles = 0
        var hasTokenizer = false
        for path in zip.fileNames {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if name.hasSuffix(".pt") {
                if format == "ONNX" { throw OpenSearchError.illegalArgument("Model format is ONNX, but find .pt file") }
                modelFiles += 1
            } else if name.hasSuffix(".onnx") {
                if format == "TORCH_SCRIPT" { throw OpenSearchError.illegalArgument("Model format is TORCH_SCRIPT, but find .onnx file") }
                modelFiles += 1
            } else if name == "tokenizer.json" {
                hasTokenizer = true
            }
        }
        if modelFiles > 1 { throw OpenSearchError.illegalArgument("Find multiple model files, but expected only one") }
        if modelFiles == 0 && functionName != "SPARSE_TOKENIZE" { throw OpenSearchError.illegalArgument("Can't find model file") }
        if !hasTokenizer { throw OpenSearchError.illegalArgument("No tokenizer file") }
    }

    /// The `REGISTERING` model document (`registerModelFromUrl`); a pretrained one keeps only what the
    /// rebuilt input carries (no description, limits or guardrails).
    func modelDocument(_ registration: ModelRegistration, groupID: String, version: String, now: Int64) -> JSONObject {
        var doc: JSONObject = [
            "name": .string(registration.name), "model_group_id": .string(groupID), "algorithm": .string(functionName),
            "model_version": .string(version),
        ]
        if !isPretrained, let description = registration.description { doc["description"] = .string(description) }
        doc["model_format"] = .string(modelFormat)
        doc["model_state"] = .string(ModelState.registering.rawValue)
        if let modelConfig { doc["model_config"] = .object(modelConfig) }
        if let deploySetting = registration.deploySetting { doc["deploy_setting"] = .object(deploySetting) }
        if !isPretrained {
            if let enabled = registration.isEnabled { doc["is_enabled"] = .bool(enabled) }
            if let limiter = registration.rateLimiter { doc["rate_limiter"] = .object(limiter) }
        }
        doc["created_time"] = now.json
        doc["last_updated_time"] = now.json
        doc["is_hidden"] = false
        if !isPretrained {
            if let guardrails = registration.guardrails { doc["guardrails"] = .object(guardrails) }
            if let interface = registration.modelInterface { doc["interface"] = .object(interface) }
        }
        return doc
    }

    /// The chunk documents `<model_id>_<n>`: the content in 10 MB slices (a stand-in lies in chunk 0).
    func chunkDocuments(modelID: String, model: JSONObject, chunkSize: Int) -> [JSONObject] {
        (0..<totalChunks).map { number in
            let start = min(content.count, number * chunkSize)
            let slice = content[start..<min(content.count, start + chunkSize)]
            var chunk = JSONObject()
            for key in ["name", "algorithm", "model_version"] { chunk[key] = model[key] }
            chunk["model_content"] = .string(Data(slice).base64EncodedString())
            chunk["model_format"] = model["model_format"]
            for key in ["is_enabled", "rate_limiter"] { chunk[key] = model[key] }
            chunk["created_time"] = model["created_time"]
            chunk["last_updated_time"] = model["last_updated_time"]
            chunk["model_id"] = .string(modelID)
            chunk["chunk_number"] = number.json
            chunk["total_chunks"] = totalChunks.json
            chunk["is_hidden"] = model["is_hidden"]
            for key in ["guardrails", "interface"] { chunk[key] = model[key] }
            return chunk
        }
    }
}
