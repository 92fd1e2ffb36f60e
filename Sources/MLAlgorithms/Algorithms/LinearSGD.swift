import Foundation
import MLCommonsCore

/// Linear and logistic regression as ml-commons trains them (Tribuo's `LinearSGDTrainer`): features sorted by
/// name with a bias last, one example at a time, shuffled each epoch by a `SplittableRandom` from the seed,
/// stepped by AdaGrad (the default optimiser) or plain SGD.
public enum LinearSGD {
    /// `ObjectiveType`: the three regression losses and the two classification ones.
    public enum Objective: String, Sendable {
        case squaredLoss = "SQUARED_LOSS", absoluteLoss = "ABSOLUTE_LOSS", huber = "HUBER"
        case logMulticlass = "LOGMULTICLASS", hinge = "HINGE"
    }

    /// `OptimizerType`; the emulator steps with the default (AdaGrad) and plain SGD.
    public enum Optimiser: String, Sendable {
        case adaGrad = "ADA_GRAD", simpleSGD = "SIMPLE_SGD"
        static let notBuilt: Set<String> = ["LINEAR_DECAY_SGD", "SQRT_DECAY_SGD", "ADA_DELTA", "ADAM", "RMS_PROP"]
    }

    /// `LinearRegressionParams` / `LogisticRegressionParams`, with each algorithm's defaults.
    public struct Parameters: Sendable {
        public var target: String?
        public var objective: Objective
        public var optimiser = Optimiser.adaGrad
        public var learningRate: Double
        public var epsilon: Double
        public var epochs: Int
        public var seed: Int64 = 12345

        /// ml-commons' defaults: linear regression 0.01 / 1e-6 / 1000 epochs, logistic 1.0 / 0.1 / 5.
        public init(logistic: Bool) {
            objective = logistic ? .logMulticlass : .squaredLoss
            learningRate = logistic ? 1.0 : 0.01
            epsilon = logistic ? 0.1 : 1e-6
            epochs = logistic ? 5 : 1000
        }

        public init(parsing parameters: JSONObject?, logistic: Bool) throws(OpenSearchError) {
            self.init(logistic: logistic)
            guard let parameters else { return }
            let fields = try RequestObject(.object(parameters))
            target = try fields.string("target")
            let owner = "org.opensearch.ml.common.input.parameter.regression." + (logistic ? "LogisticRegressionParams" : "LinearRegressionParams")
            if let name = try fields.string("objective")?.uppercased() {
                let known: [Objective] = logistic ? [.hinge, .logMulticlass] : [.squaredLoss, .absoluteLoss, .huber]
                guard let objective = Objective(rawValue: name), known.contains(objective) else {
                    throw .illegalArgument("No enum constant \(owner).ObjectiveType.\(name)")
                }
                self.objective = objective
            }
            if let name = try fields.string("optimiser")?.uppercased() {
                guard let optimiser = Optimiser(rawValue: name) else {
                    if Optimiser.notBuilt.contains(name) {
                        throw .illegalArgument("the emulator trains with the ADA_GRAD and SIMPLE_SGD optimisers; \(name) is not built yet")
                    }
                    throw .illegalArgument("No enum constant \(owner).OptimizerType.\(name)")
                }
                self.optimiser = optimiser
            }
            if let rate = fields.object["learning_rate"]?.numberValue?.doubleValue { learningRate = rate }
            if let epsilon = fields.object["epsilon"]?.numberValue?.doubleValue { self.epsilon = epsilon }
            if let epochs = try fields.int("epochs", coerce: false) { self.epochs = epochs }
            if let seed = try fields.int("seed", coerce: false) { self.seed = Int64(seed) }
            let algorithm = logistic ? "LOGISTIC_REGRESSION" : "LINEAR_REGRESSION"
            guard learningRate >= 0, self.epsilon >= 0, self.epochs >= 0 else {
                throw .illegalArgument("Unsupported algorithm: \(algorithm)")
            }
        }
    }

    /// Weights per output (one for regression, one per label), bias last.
    public struct Model: Sendable, Codable, Hashable {
        public let features: [String]
        public let outputs: [String]
        public let weights: [[Double]]
        public let logistic: Bool
    }

    public static func train(_ frame: DataFrame, _ parameters: Parameters, logistic: Bool) throws(OpenSearchError) -> Model {
        guard let target = parameters.target, !target.isEmpty else {
            throw .illegalArgument("Empty target when generating dataset from data frame.")
        }
        guard let targets = frame.column(target) else {
            throw .illegalArgument("No matched target when generating dataset from data frame.")
        }
        let (names, rows) = try frame.features(excluding: target)
        try ComputeBudget.check(
            [rows.count, parameters.epochs, outputsBound(targets, logistic), names.count + 1],
            "regression training (rows × epochs × outputs × features)")
        var examples = rows.map { $0 + [1.0] }
        let outputs: [String]
        var truths: [[Double]]
        if logistic {
            let labels = targets.map { cell -> String in if case .string(let text) = cell { return text } else { return "\(cell)" } }
            var distinct: [String] = []
            for label in labels where !distinct.contains(label) { distinct.append(label) }
            outputs = JavaHashMapOrder.ordered(distinct)
            truths = labels.map { label in outputs.map { $0 == label ? 1 : 0 } }
        } else {
            outputs = [target]
            truths = []
            for cell in targets { truths.append([try cell.doubleValue()]) }
        }
        var weights = [[Double]](repeating: [Double](repeating: 0, count: names.count + 1), count: outputs.count)
        var squaredGradients = weights
        var base = SplittableRandom(seed: parameters.seed)
        var rng = base.split()
        for _ in 0..<parameters.epochs {
            // Tribuo's shuffleInPlace: Fisher-Yates from the end.
            var i = examples.count
            while i > 1 {
                let j = Int(rng.nextInt(Int32(i)))
                examples.swapAt(i - 1, j)
                truths.swapAt(i - 1, j)
                i -= 1
            }
            for (x, truth) in zip(examples, truths) {
                let scores = weights.map { row in zip(row, x).reduce(0) { $0 + $1.0 * $1.1 } }
                let gradient = lossGradient(truth: truth, scores: scores, objective: parameters.objective)
                for output in weights.indices {
                    for feature in x.indices {
                        let g = gradient[output] * x[feature]
                        if parameters.optimiser == .simpleSGD {
                            weights[output][feature] += parameters.learningRate * g
                        } else {
                            squaredGradients[output][feature] += g * g
                            weights[output][feature] += g * parameters.learningRate
                                / (parameters.epsilon + squaredGradients[output][feature].squareRoot())
                        }
                    }
                }
            }
        }
        return Model(features: names, outputs: outputs, weights: weights, logistic: logistic)
    }

    /// How many outputs the weights will have: one for regression, one per distinct label.
    static func outputsBound(_ targets: [ColumnValue], _ logistic: Bool) -> Int {
        logistic ? Set(targets).count : 1
    }

    /// The descent direction of each objective (Tribuo's losses return it already negated).
    static func lossGradient(truth: [Double], scores: [Double], objective: Objective) -> [Double] {
        switch objective {
        case .absoluteLoss:
            return zip(truth, scores).map { $0.0 - $0.1 > 0 ? 1 : ($0.0 - $0.1 < 0 ? -1 : 0) }
        case .huber:
            return zip(truth, scores).map { let d = $0.0 - $0.1; return abs(d) <= 5 ? d : 5 * (d > 0 ? 1 : -1) }
        case .logMulticlass:
            let peak = scores.max() ?? 0
            let exps = scores.map { exp($0 - peak) }
            let total = exps.reduce(0, +)
            return zip(truth, exps).map { $0.0 - $0.1 / total }
        case .hinge:
            let truthIndex = truth.firstIndex(of: 1) ?? 0
            var gradient = [Double](repeating: 0, count: scores.count)
            for index in scores.indices where index != truthIndex && scores[index] + 1 > scores[truthIndex] {
                gradient[index] -= 1
                gradient[truthIndex] += 1
            }
            return gradient
        case .squaredLoss:
            return zip(truth, scores).map { $0.0 - $0.1 }
        }
    }

    /// One prediction per row: the target (`DOUBLE`) for regression, the label as `result` (`STRING`) for logistic.
    public static func predict(_ model: Model, _ frame: DataFrame) throws(OpenSearchError) -> DataFrame {
        let vectors = try frame.vectors(for: model.features, missing: "No features in this example were found in the feature map.")
        guard !model.outputs.isEmpty, model.weights.count == model.outputs.count else {
            throw OpenSearchError.illegalArgument("the stored model has no outputs")
        }
        let rows: [[ColumnValue]] = vectors.map { features in
            let x = features + [1]
            let scores = model.weights.map { weights in zip(weights, x).reduce(0) { $0 + $1.0 * $1.1 } }
            if model.logistic {
                let best = scores.indices.max { scores[$0] < scores[$1] } ?? 0
                return [.string(model.outputs[best])]
            }
            return [.double(scores[0])]
        }
        let column = model.logistic ? DataFrame.Column(name: "result", type: "STRING") : .init(name: model.outputs[0], type: "DOUBLE")
        return DataFrame(columns: [column], rows: rows)
    }
}
