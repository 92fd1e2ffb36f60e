/// An error answer produced before the script runs, carried through `Result`.
struct MockLLMRejection: Error, Sendable {
    let response: MockLLMResponse

    init(_ response: MockLLMResponse) { self.response = response }
}
