import MLCommonsCore

extension MockLLM {
    /// Routes, reads the body, runs the script and writes the reply in the provider's format.
    func response(to request: MockLLMRequest, script: MockLLMScript, identity: MockLLMIdentity) -> MockLLMResponse {
        guard let endpoint = MockLLMEndpoint(path: request.path) else {
            return OpenAIChatFormat(identity: identity, model: "", includesStreamUsage: false)
                .errorResponse(.unknownPath(method: request.method, path: request.path))
        }
        let conversation: MockLLMConversation
        let format: any MockLLMWireFormat
        switch Self.read(request, at: endpoint, identity: identity) {
        case .success(let read): (conversation, format) = read
        case .failure(let rejection): return rejection.response
        }
        let plan = script.plan(for: conversation)
        var response = Self.render(plan, for: conversation, in: format)
        response.headers.append(("x-mock-llm-rule", plan.ruleName))
        return response
    }

    /// The request's conversation and the format to answer in, or the provider's error answer.
    private static func read(
        _ request: MockLLMRequest,
        at endpoint: MockLLMEndpoint,
        identity: MockLLMIdentity
    ) -> Result<(MockLLMConversation, any MockLLMWireFormat), MockLLMRejection> {
        let isPost = request.method.uppercased() == "POST"
        switch endpoint {
        case .openAIChatCompletions:
            let errors = OpenAIChatFormat(identity: identity, model: "", includesStreamUsage: false)
            guard isPost else {
                return .failure(MockLLMRejection(errors.errorResponse(.wrongMethod(method: request.method, path: request.path))))
            }
            do {
                let conversation = try MockLLMConversation(openAIBody: request.body)
                let format = OpenAIChatFormat(
                    identity: identity, model: conversation.model, includesStreamUsage: conversation.includesStreamUsage)
                return .success((conversation, format))
            } catch {
                return .failure(MockLLMRejection(errors.errorResponse(.badRequest(error))))
            }
        case .geminiGenerateContent(let model, let stream):
            let format = GeminiGenerateContentFormat(identity: identity, model: model)
            guard isPost else {
                return .failure(MockLLMRejection(format.errorResponse(.wrongMethod(method: request.method, path: request.path))))
            }
            do {
                return .success((try MockLLMConversation(geminiBody: request.body, model: model, isStream: stream), format))
            } catch {
                return .failure(MockLLMRejection(format.errorResponse(.badRequest(error))))
            }
        case .bedrockConverse(let modelID), .bedrockConverseStream(let modelID):
            let format = BedrockConverseFormat(identity: identity)
            guard isPost else {
                return .failure(MockLLMRejection(format.errorResponse(.wrongMethod(method: request.method, path: request.path))))
            }
            let isStream = endpoint == .bedrockConverseStream(modelID: modelID)
            do {
                return .success((try MockLLMConversation(bedrockBody: request.body, modelID: modelID, isStream: isStream), format))
            } catch {
                return .failure(MockLLMRejection(format.errorResponse(.badRequest(error))))
            }
        }
    }
}
