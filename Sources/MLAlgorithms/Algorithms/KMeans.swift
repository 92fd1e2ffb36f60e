import MLCommonsCore

/// k-means as ml-commons runs it (Tribuo's `KMeansTrainer` with random initialisation): centroids drawn per
/// feature from the values seen (zero always among them), then assign-and-average until nothing moves or the
/// iterations run out. An empty cluster's centroid becomes the zero vector, as in Tribuo.
public enum KMeans {
    public enum Distance: String, Sendable, Codable {
        case euclidean = "EUCLIDEAN", cosine = "COSINE", l1 = "L1"

        func between(_ a: [Double], _ b: [Double]) -> Double {
            switch self {
            case .euclidean: return zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            case .l1: return zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) }
            case .cosine:
                let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
                guard dot != 0 else { return 1 }
                let norms = a.reduce(0) { $0 + $1 * $1 }.squareRoot() * b.reduce(0) { $0 + $1 * $1 }.squareRoot()
                return 1 - dot / norms
            }
        }
    }

    /// `KMeansParams`: `centroids` (2), `iterations` (10), `distance_type` (`EUCLIDEAN`, case-sensitive).
    public struct Parameters: Sendable {
        public var centroids = 2
        public var iterations = 10
        public var distance = Distance.euclidean

        public init() {}

        public init(parsing parameters: JSONObject?) throws(OpenSearchError) {
            guard let parameters else { return }
            let fields = try RequestObject(.object(parameters))
            if let centroids = try fields.int("centroids", coerce: false) { self.centroids = centroids }
            if let iterations = try fields.int("iterations", coerce: false) { self.iterations = iterations }
            if let name = try fields.string("distance_type") {
                guard let distance = Distance(rawValue: name) else { throw .illegalArgument("Wrong distance type") }
                self.distance = distance
            }
            // The constructor's checks surface as ml-commons' class loader reports them.
            guard centroids > 0, iterations > 0 else { throw .illegalArgument("Unsupported algorithm: KMEANS") }
        }
    }

    /// A trained model: the centroids over the features (sorted by name).
    public struct Model: Sendable, Codable, Hashable {
        public let features: [String]
        public let centroids: [[Double]]
        public let distance: Distance
    }

    /// ml-commons seeds with the clock; the emulator uses a fixed seed so the same data clusters the same way.
    public static let seed: Int64 = 0

    public static func train(_ frame: DataFrame, _ parameters: Parameters, seed: Int64 = seed) throws(OpenSearchError) -> Model {
        let (names, points) = try frame.features()
        try ComputeBudget.check(
            [points.count, parameters.iterations, parameters.centroids, names.count], "k-means training (rows × iterations × centroids × features)")
        var random = SplittableRandom(seed: seed)
        var rng = random.split()
        // Tribuo's feature infos: the distinct non-zero values seen, zero always a candidate.
        let candidates: [[Double]] = names.indices.map { feature in
            [0.0] + Set(points.map { $0[feature] }.filter { $0 != 0 }).sorted()
        }
        var centroids = (0..<parameters.centroids).map { _ in
            candidates.map { values in
                let observed = values.count - 1
                if observed > 50 {
                    // RealInfo.uniformSample, as written in Tribuo: nextDouble() * max - min.
                    return rng.nextDouble() * (values.last ?? 0) - (values.dropFirst().first ?? 0)
                }
                return values[Int(rng.nextInt(Int32(values.count)))]
            }
        }
        var assignment = [Int](repeating: -1, count: points.count)
        for _ in 0..<parameters.iterations {
            var changed = 0
            for (index, point) in points.enumerated() {
                let cluster = nearest(point, centroids, parameters.distance)
                if cluster != assignment[index] { changed += 1 }
                assignment[index] = cluster
            }
            for cluster in centroids.indices {
                var sum = [Double](repeating: 0, count: names.count)
                var count = 0.0
                for (index, point) in points.enumerated() where assignment[index] == cluster {
                    for feature in sum.indices { sum[feature] += point[feature] }
                    count += 1
                }
                centroids[cluster] = count == 0 ? sum : sum.map { $0 / count }
            }
            if changed == 0 { break }
        }
        return Model(features: names, centroids: centroids, distance: parameters.distance)
    }

    /// One `ClusterID` (`INTEGER`) per row; features the model lacks are ignored, missing ones count as 0.
    public static func predict(_ model: Model, _ frame: DataFrame) throws(OpenSearchError) -> DataFrame {
        let points = try frame.vectors(for: model.features, missing: "No features found in Example")
        let rows = points.map { [ColumnValue.integer(nearest($0, model.centroids, model.distance))] }
        return DataFrame(columns: [.init(name: "ClusterID", type: "INTEGER")], rows: rows)
    }

    /// The first centroid strictly closest (ties go to the lowest index).
    static func nearest(_ point: [Double], _ centroids: [[Double]], _ distance: Distance) -> Int {
        var best = 0
        var bestDistance = Double.infinity
        for (index, centroid) in centroids.enumerated() {
            let d = distance.between(centroid, point)
            if d < bestDistance {
                best = index
                bestDistance = d
            }
        }
        return best
    }
}
