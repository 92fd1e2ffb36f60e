import MLCommonsCore

/// The most work one training request may ask for. ml-commons would grind through any epoch count; the
/// emulator, one process serving everyone, refuses what would hold a core for minutes, and says so.
public enum ComputeBudget {
    /// Cell visits (rows × epochs × outputs × features, and the like) per request.
    public static let maximumSteps = 50_000_000

    /// The product of the factors, without overflowing.
    static func check(_ factors: [Int], _ what: String) throws(OpenSearchError) {
        var steps = 1
        for factor in factors {
            let (product, overflow) = steps.multipliedReportingOverflow(by: max(1, factor))
            steps = overflow ? Int.max : product
        }
        guard steps <= maximumSteps else {
            throw .illegalArgument(
                "the emulator caps \(what) at \(maximumSteps) steps per request; this one needs \(steps). Use fewer rows, epochs or iterations")
        }
    }
}
