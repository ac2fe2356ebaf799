/// A multinomial linear model over binary features: a score per label is
/// the sum of the feature's weights, and a softmax over the labels a
/// decision may take turns the scores into probabilities.
///
/// Weights are integers in 1/``scale``: a model file holds them exactly,
/// and a score is an integer sum, the same on every machine whatever the
/// order of its features.
public struct LinearClassifier: Sendable {
    public let labels: [String]
    /// Feature number → the first of its `labels.count` weights in `weights`.
    let rows: [UInt64: Int]
    let weights: [Int32]
    /// Feature names by number, for `explain` and for writing the model.
    let names: [UInt64: String]

    /// Weights are stored as integers in units of 1/scale.
    public static let scale = 10_000.0

    /// - Parameter table: for each feature name, one weight per label, in 1/``scale``.
    public init(labels: [String], table: [(name: String, weights: [Int32])]) {
        self.labels = labels
        var rows: [UInt64: Int] = [:]
        var weights: [Int32] = []
        var names: [UInt64: String] = [:]
        rows.reserveCapacity(table.count)
        weights.reserveCapacity(table.count * labels.count)
        for (name, w) in table where w.count == labels.count {
            let h = FeatureHasher(name).value
            if let row = rows[h] {
                for k in 0..<labels.count { weights[row + k] &+= w[k] }
            } else {
                rows[h] = weights.count
                names[h] = name
                weights += w
            }
        }
        self.rows = rows
        self.weights = weights
        self.names = names
    }

    public func label(named name: String) -> Int? { labels.firstIndex(of: name) }

    /// Each label's score, as an integer in 1/``scale``.
    public func scores(_ features: [UInt64]) -> [Int64] {
        var out = [Int64](repeating: 0, count: labels.count)
        for f in features {
            guard let row = rows[f] else { continue }
            for k in out.indices { out[k] += Int64(weights[row + k]) }
        }
        return out
    }

    /// The probability of each label among `allowed` (the others get 0).
    public func probabilities(_ features: [UInt64], allowed: [Int]) -> [Double] {
        let s = scores(features)
        var out = [Double](repeating: 0, count: labels.count)
        guard let top = allowed.map({ s[$0] }).max() else { return out }
        var total = 0.0
        for k in allowed {
            let e = Self.exp(Double(s[k] - top) / Self.scale)
            out[k] = e
            total += e
        }
        for k in allowed { out[k] /= total }
        return out
    }

    /// The weight of each named feature for `label`, largest in size first: what weighed most in a decision.
    public func contributions(_ features: FeatureSet, label: Int) -> [(name: String, weight: Double)] {
        var out: [(name: String, weight: Double)] = []
        for (i, f) in features.hashes.enumerated() {
            guard let row = rows[f], weights[row + label] != 0 else { continue }
            let name = i < features.names.count ? features.names[i] : names[f] ?? String(f, radix: 16)
            out.append((name, Double(weights[row + label]) / Self.scale))
        }
        return out.sorted { (abs($0.weight), $1.name) > (abs($1.weight), $0.name) }
    }

    /// The model as a table: every feature with a weight other than zero, by name in code-point order.
    public var table: [(name: String, weights: [Int32])] {
        rows.compactMap { h, row -> (name: String, weights: [Int32])? in
            guard let name = names[h] else { return nil }
            let w = Array(weights[row..<(row + labels.count)])
            return w.allSatisfy { $0 == 0 } ? nil : (name, w)
        }.sorted { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }
    }

    public var featureCount: Int { rows.count }

    /// e^x for x ≤ 0, by a method of its own (range reduction by ln 2 and a Taylor series in
    /// exact steps), so that probabilities are the same bits on every machine and C library.
    static func exp(_ x: Double) -> Double {
        if x < -700 { return 0 }
        let ln2 = 0.693_147_180_559_945_3
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0, sum = 1.0
        for n in 1...20 {
            term *= r / Double(n)
            sum += term
        }
        var scale = 1.0
        var m = Int(k)
        let half = m < 0
        m = abs(m)
        var base = 2.0
        while m > 0 {
            if m & 1 == 1 { scale *= base }
            base *= base
            m >>= 1
        }
        return half ? sum / scale : sum * scale
    }
}
