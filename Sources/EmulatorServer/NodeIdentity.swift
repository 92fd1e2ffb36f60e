import MLCommonsCore

/// The single node's ids, random per store like a fresh cluster's.
public struct NodeIdentity: Sendable {
    public let nodeID: String
    public let clusterUUID: String
    public let nodeName: String
    public let clusterName: String

    public init(nodeName: String, clusterName: String) {
        self.nodeID = DocumentIDGenerator.randomBase64UUID()
        self.clusterUUID = DocumentIDGenerator.randomBase64UUID()
        self.nodeName = nodeName
        self.clusterName = clusterName
    }
}
