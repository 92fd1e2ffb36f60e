/// A request body the provider itself would reject with 400, described in the provider's terms.
struct MockLLMRequestError: Error, Sendable, Hashable {
    /// The provider's message.
    var message: String
    /// OpenAI's `param` (the offending field), if any.
    var param: String?
    /// OpenAI's `code`, if any.
    var code: String?
}
