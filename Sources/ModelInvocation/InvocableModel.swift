import MLCommonsCore
import RemoteInference

/// A model that passed its checks, with its connector resolved and credential decrypted: what one predict
/// call, or every step of one agent run, calls.
public struct InvocableModel: Sendable {
    public let id: String
    /// The model document as stored.
    public let document: JSONObject
    public let connector: ResolvedConnector

    public init(id: String, document: JSONObject, connector: ResolvedConnector) {
        self.id = id
        self.document = document
        self.connector = connector
    }
}
