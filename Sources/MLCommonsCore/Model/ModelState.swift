/// A model's `model_state`, as ml-commons' `MLModelState` writes it.
public enum ModelState: String, Sendable, CaseIterable {
    case registering = "REGISTERING"
    case registered = "REGISTERED"
    case deploying = "DEPLOYING"
    case deployed = "DEPLOYED"
    case partiallyDeployed = "PARTIALLY_DEPLOYED"
    case undeployed = "UNDEPLOYED"
    case deployFailed = "DEPLOY_FAILED"

    /// Serving on at least one node: predict runs without a deploy, undeploy reports `undeployed`.
    public var isDeployed: Bool { self == .deployed || self == .partiallyDeployed }

    /// Deployed or on its way: such a model cannot be deleted, nor its connector updated.
    public var isDeployedOrDeploying: Bool { isDeployed || self == .deploying }
}
