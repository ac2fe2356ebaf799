/// Trains a ``LinearClassifier`` by multinomial logistic regression: stochastic
/// gradient descent with AdaGrad steps and an L2 penalty, over the examples in
/// an order drawn from a fixed seed. The first label is the reference: its
/// weights stay 0 and every other label's score is its log-odds against it.
/// (With every label free, a softmax does not change when a feature's
/// weights all move together, and AdaGrad's unequal steps let them drift far
/// from 0 together, leaving the differences that decide to noise.) Everything is sequential and seeded, so
/// the same examples give the same weights, bit for bit.
public struct LinearClassifierTrainer: Sendable {
    /// One decision to learn from: its features, the labels it may take and the right one.
    public struct Example: Sendable {
        public var features: [UInt64]
        public var allowed: [Int]
        public var label: Int

        public init(features: [UInt64], allowed: [Int], label: Int) {
            self.features = features
            self.allowed = allowed
            self.label = label
        }
    }

    public var epochs = 15
    public var learningRate = 0.2
    public var l2 = 1e-4
    /// Features seen in fewer examples than this are left out (too rare to weigh).
    public var minimumCount = 2
    public var seed: UInt64 = 0x646F_6367_7261_7068  // "docgraph"

    public init() {}

    /// - Parameter names: the name of every feature number the examples use.
    public func train(_ examples: [Example], labels: [String], names: [UInt64: String]) -> LinearClassifier {
        let width = labels.count
        var counts: [UInt64: Int] = [:]
        for e in examples { for f in Set(e.features) { counts[f, default: 0] += 1 } }
        // Rows in code-point order of the names, so nothing depends on a hash table's order.
        let kept = counts.filter { $0.value >= minimumCount && names[$0.key] != nil }.keys
            .sorted { names[$0, default: ""].unicodeScalars.lexicographicallyPrecedes(names[$1, default: ""].unicodeScalars) }
        var row: [UInt64: Int] = [:]
        for (i, f) in kept.enumerated() { row[f] = i * width }
        var w = [Double](repeating: 0, count: kept.count * width)
        var g2 = [Double](repeating: 1e-8, count: kept.count * width)
        let rowsOf = examples.map { e in Array(Set(e.features.compactMap { row[$0] })).sorted() }
        var rng = SplitMix64(seed: seed)
        var p = [Double](repeating: 0, count: width)
        for _ in 0..<epochs {
            for i in rng.permutation(examples.count) {
                let e = examples[i]
                let rows = rowsOf[i]
                guard e.allowed.count > 1 else { continue }
                var top = -Double.infinity
                for k in e.allowed {
                    var s = 0.0
                    for r in rows { s += w[r + k] }
                    p[k] = s
                    top = max(top, s)
                }
                var total = 0.0
                for k in e.allowed { p[k] = LinearClassifier.exp(p[k] - top); total += p[k] }
                for k in e.allowed where k != 0 {
                    let gradient = p[k] / total - (k == e.label ? 1 : 0)
                    for r in rows {
                        let g = gradient + l2 * w[r + k]
                        g2[r + k] += g * g
                        w[r + k] -= learningRate * g / g2[r + k].squareRoot()
                    }
                }
            }
        }
        let table = kept.enumerated().map { i, f in
            (name: names[f, default: ""], weights: (0..<width).map { k in Int32((w[i * width + k] * LinearClassifier.scale).rounded()) })
        }
        return LinearClassifier(labels: labels, table: table)
    }
}
