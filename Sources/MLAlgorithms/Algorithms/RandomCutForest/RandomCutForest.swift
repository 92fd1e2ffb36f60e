import Foundation

/// A random cut forest (`RandomCutForest` of randomcutforest-java, as ml-commons' `batch_rcf` and `fit_rcf` use
/// it): each tree keeps a time-decayed sample of the points seen (the `sample_size` points with the highest
/// `decay × t − log(−log u)`), and a point's anomaly score is the trees' mean; 0 until `output_after` points.
public struct RandomCutForest: Sendable {
    private var trees: [RandomCutTree]
    private var samples: [[(weight: Double, point: [Double])]]
    private var random: SplittableRandom
    public let sampleSize: Int
    public let outputAfter: Int
    public let timeDecay: Double
    private(set) var updates = 0

    public init(trees: Int, sampleSize: Int, outputAfter: Int, timeDecay: Double, seed: Int64) {
        self.trees = Array(repeating: RandomCutTree(), count: max(1, trees))
        samples = Array(repeating: [], count: max(1, trees))
        random = SplittableRandom(seed: seed)
        self.sampleSize = max(1, sampleSize)
        self.outputAfter = max(0, outputAfter)
        self.timeDecay = timeDecay
    }

    /// The mean of the trees' scores; 0 before `output_after` updates, as the library reports.
    public func score(_ point: [Double]) -> Double {
        guard updates >= outputAfter, updates > 0 else { return 0 }
        return trees.reduce(0) { $0 + $1.score(point) } / Double(trees.count)
    }

    /// Offers the point to every tree's sampler; a kept point goes into the tree, an evicted one out.
    public mutating func update(_ point: [Double]) {
        updates += 1
        for index in trees.indices {
            let u = max(random.nextDouble(), Double.leastNonzeroMagnitude)
            let weight = timeDecay * Double(updates) - log(-log(u))
            if samples[index].count < sampleSize {
                samples[index].append((weight, point))
                trees[index].insert(point, random: &random)
                continue
            }
            guard let lowest = samples[index].indices.min(by: { samples[index][$0].weight < samples[index][$1].weight }),
                weight > samples[index][lowest].weight
            else { continue }
            trees[index].delete(samples[index][lowest].point)
            samples[index][lowest] = (weight, point)
            trees[index].insert(point, random: &random)
        }
    }
}
