import Foundation

/// One tree of a random cut forest (Guha et al., 2016), kept up to date point by point: an insert cuts the
/// bounding box grown by the new point at a random place weighted by each dimension's span, a delete splices
/// the leaf's sibling into its parent's place.
struct RandomCutTree: Sendable {
    private struct Node: Sendable {
        var parent: Int?
        var left: Int?
        var right: Int?
        var cutDimension = 0
        var cutValue = 0.0
        var lower: [Double]
        var upper: [Double]
        var mass: Int
        /// A leaf's point (a leaf stands for `mass` copies of it).
        var point: [Double]?

        var isLeaf: Bool { point != nil }
    }

    private var nodes: [Node] = []
    private var free: [Int] = []
    private var root: Int?

    var mass: Int { root.map { nodes[$0].mass } ?? 0 }

    mutating func insert(_ point: [Double], random: inout SplittableRandom) {
        guard let root else {
            self.root = allocate(Node(lower: point, upper: point, mass: 1, point: point))
            return
        }
        var current = root
        while true {
            let node = nodes[current]
            if let leafPoint = node.point, leafPoint == point {
                // The same point again: the leaf counts it.
                bumpMass(from: current, by: 1)
                extendBoxes(from: current, with: point)
                return
            }
            let lower = zip(node.lower, point).map { min($0, $1) }
            let upper = zip(node.upper, point).map { max($0, $1) }
            let total = zip(lower, upper).reduce(0) { $0 + ($1.1 - $1.0) }
            var draw = random.nextDouble() * total
            var dimension = 0
            while dimension < lower.count - 1 && draw >= upper[dimension] - lower[dimension] {
                draw -= upper[dimension] - lower[dimension]
                dimension += 1
            }
            let cut = lower[dimension] + draw
            // A cut outside the node's own box separates the new point from everything below it.
            if node.isLeaf || cut < node.lower[dimension] || cut >= node.upper[dimension] {
                let leaf = allocate(Node(lower: point, upper: point, mass: 1, point: point))
                var parent = Node(parent: node.parent, cutDimension: dimension, cutValue: cut, lower: lower, upper: upper, mass: node.mass + 1)
                let pointGoesLeft = point[dimension] <= cut
                parent.left = pointGoesLeft ? leaf : current
                parent.right = pointGoesLeft ? current : leaf
                let parentIndex = allocate(parent)
                nodes[leaf].parent = parentIndex
                let grandparent = node.parent
                nodes[current].parent = parentIndex
                if let grandparent {
                    if nodes[grandparent].left == current { nodes[grandparent].left = parentIndex } else { nodes[grandparent].right = parentIndex }
                    bumpMass(from: grandparent, by: 1)
                    extendBoxes(from: grandparent, with: point)
                } else {
                    self.root = parentIndex
                }
                return
            }
            current = point[node.cutDimension] <= node.cutValue ? node.left! : node.right!
        }
    }

    mutating func delete(_ point: [Double]) {
        guard var current = root else { return }
        while !nodes[current].isLeaf {
            let node = nodes[current]
            current = point[node.cutDimension] <= node.cutValue ? node.left! : node.right!
        }
        guard nodes[current].point == point else { return }
        if nodes[current].mass > 1 {
            bumpMass(from: current, by: -1)
            return
        }
        guard let parent = nodes[current].parent else {
            release(current)
            root = nil
            return
        }
        let sibling = nodes[parent].left == current ? nodes[parent].right! : nodes[parent].left!
        let grandparent = nodes[parent].parent
        nodes[sibling].parent = grandparent
        if let grandparent {
            if nodes[grandparent].left == parent { nodes[grandparent].left = sibling } else { nodes[grandparent].right = sibling }
            bumpMass(from: grandparent, by: -1)
            recomputeBoxes(from: grandparent)
        } else {
            root = sibling
        }
        release(current)
        release(parent)
    }

    /// The anomaly score of `point` in this tree (`AnomalyScoreVisitor`): from the leaf it would land in up to
    /// the root, mixing in, at each node, the chance a random cut there would have isolated it.
    func score(_ point: [Double]) -> Double {
        guard let root else { return 0 }
        let treeMass = Double(nodes[root].mass)
        var path: [Int] = [root]
        var current = root
        while !nodes[current].isLeaf {
            let node = nodes[current]
            current = point[node.cutDimension] <= node.cutValue ? node.left! : node.right!
            path.append(current)
        }
        let leaf = nodes[current]
        var depth = Double(path.count - 1)
        var score: Double
        if leaf.point == point {
            let mass = Double(leaf.mass)
            let damp = 1 - mass / (2 * treeMass)
            score = damp / (depth + log2(mass + 1))
            // Seen before: the visitor converges at the leaf.
            return score * log2(treeMass + 1)
        }
        score = 1 / (depth + 1)
        for index in path.dropLast().reversed() {
            depth -= 1
            let node = nodes[index]
            var grown = 0.0
            var span = 0.0
            for dimension in point.indices {
                let lower = min(node.lower[dimension], point[dimension])
                let upper = max(node.upper[dimension], point[dimension])
                span += upper - lower
                grown += (upper - lower) - (node.upper[dimension] - node.lower[dimension])
            }
            let separation = span == 0 ? 0 : grown / span
            if separation == 0 { break }
            score = (1 - separation) * score + separation / (depth + 1)
        }
        return score * log2(treeMass + 1)
    }

    private mutating func allocate(_ node: Node) -> Int {
        if let index = free.popLast() {
            nodes[index] = node
            return index
        }
        nodes.append(node)
        return nodes.count - 1
    }

    private mutating func release(_ index: Int) { free.append(index) }

    private mutating func bumpMass(from index: Int, by delta: Int) {
        var current: Int? = index
        while let node = current {
            nodes[node].mass += delta
            current = nodes[node].parent
        }
    }

    private mutating func extendBoxes(from index: Int, with point: [Double]) {
        var current: Int? = index
        while let node = current {
            for dimension in point.indices {
                nodes[node].lower[dimension] = min(nodes[node].lower[dimension], point[dimension])
                nodes[node].upper[dimension] = max(nodes[node].upper[dimension], point[dimension])
            }
            current = nodes[node].parent
        }
    }

    private mutating func recomputeBoxes(from index: Int) {
        var current: Int? = index
        while let node = current {
            if let left = nodes[node].left, let right = nodes[node].right {
                nodes[node].lower = zip(nodes[left].lower, nodes[right].lower).map { min($0, $1) }
                nodes[node].upper = zip(nodes[left].upper, nodes[right].upper).map { max($0, $1) }
            }
            current = nodes[node].parent
        }
    }
}
