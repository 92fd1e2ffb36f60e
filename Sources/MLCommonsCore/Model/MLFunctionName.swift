/// ml-commons' `FunctionName` values, for fields that name one.
public enum MLFunctionName {
    public static let all: [String] = [
        "LINEAR_REGRESSION", "KMEANS", "AD_LIBSVM", "SAMPLE_ALGO", "LOCAL_SAMPLE_CALCULATOR", "FIT_RCF", "BATCH_RCF",
        "ANOMALY_LOCALIZATION", "RCF_SUMMARIZE", "LOGISTIC_REGRESSION", "TEXT_EMBEDDING", "METRICS_CORRELATION",
        "REMOTE", "SPARSE_ENCODING", "SPARSE_TOKENIZE", "TEXT_SIMILARITY", "QUESTION_ANSWERING", "AGENT", "CONNECTOR",
        "TOOL",
    ]

    /// `FunctionName.from`: the name upper-cased, or nil where ml-commons says `Wrong function name`.
    public static func from(_ text: String) -> String? {
        let upper = text.uppercased()
        return all.contains(upper) ? upper : nil
    }
}
