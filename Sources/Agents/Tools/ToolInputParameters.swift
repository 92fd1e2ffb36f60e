import MLCommonsCore

/// `ToolUtils.extractInputParameters`: the parameters a tool reads, with the members of a JSON
/// `input` merged in (strings as they are, other values as gson JSON text).
public enum ToolInputParameters {
    /// The attribute naming the only parameters a tool receives (a JSON array of names).
    public static let requiredParametersAttribute = "required_parameters"

    public static func extract(_ parameters: [String: String], attributes: [String: String]) -> [String: String] {
        var extracted = required(parameters, attributes: attributes)
        guard extracted["input"] != nil, let raw = parameters["input"] else { return extracted }
        // Any failure (substitution loop, input not a JSON object) keeps the raw input, as the catch does.
        guard let input = try? StringSubstitution.parameters(parameters).replace(raw) else { return extracted }
        extracted["input"] = input
        guard let parsed = GsonLenientParser.parse(input) else { return extracted }
        switch parsed {
        case .object(let members):
            for (key, value) in members {
                if case .string(let text) = value { extracted[key] = text } else { extracted[key] = value.gsonNormalized.gsonText }
            }
        default:
            break
        }
        return extracted
    }

    /// `ToolUtils.extractRequiredParameters`: every parameter, or only those `required_parameters` names.
    private static func required(_ parameters: [String: String], attributes: [String: String]) -> [String: String] {
        guard let list = attributes[requiredParametersAttribute] else { return parameters }
        guard case .array(let names)? = GsonLenientParser.parse(list) else { return [:] }
        var out: [String: String] = [:]
        for case .string(let name) in names { out[name] = parameters[name] }
        return out
    }
}
