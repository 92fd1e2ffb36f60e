extension VersionProfile {
    // 3.5 stopped echoing the offending value in agent and tool errors (#4315, "sanitize error messages").

    /// `MLAgent`'s unknown-type error.
    public func invalidAgentType(_ type: String) -> String {
        sanitisedErrorTexts ? "Invalid Agent Type" : "\(type) is not a valid Agent Type"
    }

    /// `MLAgent`'s error for two tools under one name.
    public func duplicateTool(_ name: String) -> String {
        sanitisedErrorTexts ? "Duplicate tool defined in agent configuration" : "Duplicate tool defined: \(name)"
    }

    /// `FunctionCallingFactory` / `TransportRegisterAgentAction` for an unknown `_llm_interface`.
    public func invalidLLMInterface(_ value: String) -> String {
        sanitisedErrorTexts ? "Invalid _llm_interface" : "Invalid _llm_interface: \(value)"
    }

    /// `AgentUtils.createTool` for a tool type no factory builds.
    public func toolTypeNotFound(_ type: String) -> String {
        sanitisedErrorTexts ? "Tool type not found" : "Tool not found: \(type)"
    }
}
