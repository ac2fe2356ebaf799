/// Labels a sequence (the characters of a sentence) with BIO tags by a
/// linear model over each position's features and the transitions between
/// labels, decoded by Viterbi: the span decisions of a character-level CRF,
/// trained as a structured perceptron (``SequenceTaggerTrainer``).
///
/// Labels are `O`, `B-X` and `I-X`; `I-X` may only follow `B-X` or `I-X`.
/// Weights are integers, so decoding is exact and the same everywhere.
public struct SequenceTagger: Sendable {
    public let labels: [String]
    let rows: [UInt64: Int]
    let emissions: [Int32]
    /// transitions[from * labels.count + to]; `from == labels.count` is the start.
    let transitions: [Int32]
    let names: [UInt64: String]
    /// Whether `to` may follow `from` (the start is `labels.count`).
    let allowed: [Bool]

    public init(labels: [String], emissions table: [(name: String, weights: [Int32])], transitions: [Int32]) {
        self.labels = labels
        let n = labels.count
        var rows: [UInt64: Int] = [:]
        var emissions: [Int32] = []
        var names: [UInt64: String] = [:]
        for (name, w) in table where w.count == n {
            let h = FeatureHasher(name).value
            if let row = rows[h] {
                for k in 0..<n { emissions[row + k] &+= w[k] }
            } else {
                rows[h] = emissions.count
                names[h] = name
                emissions += w
            }
        }
        self.rows = rows
        self.emissions = emissions
        self.names = names
        self.transitions = transitions.count == (n + 1) * n ? transitions : [Int32](repeating: 0, count: (n + 1) * n)
        allowed = Self.allowedTransitions(labels)
    }

    static func allowedTransitions(_ labels: [String]) -> [Bool] {
        let n = labels.count
        var out = [Bool](repeating: true, count: (n + 1) * n)
        for to in 0..<n where labels[to].hasPrefix("I-") {
            let kind = labels[to].dropFirst(2)
            for from in 0...n {
                let ok = from < n && (labels[from] == "B-" + kind || labels[from] == "I-" + kind)
                out[from * n + to] = ok
            }
        }
        return out
    }

    /// The score of every label at every position, in 1/``LinearClassifier/scale``.
    func emissionScores(_ positions: [[UInt64]]) -> [Int64] {
        let n = labels.count
        var out = [Int64](repeating: 0, count: positions.count * n)
        for (t, features) in positions.enumerated() {
            for f in features {
                guard let row = rows[f] else { continue }
                for k in 0..<n { out[t * n + k] += Int64(emissions[row + k]) }
            }
        }
        return out
    }

    /// The best label sequence under the model.
    public func decode(_ positions: [[UInt64]]) -> [Int] {
        Self.viterbi(emissionScores(positions), count: positions.count, labels: labels.count, transitions: transitions, allowed: allowed)
    }

    static func viterbi(_ e: [Int64], count: Int, labels n: Int, transitions: [Int32], allowed: [Bool]) -> [Int] {
        guard count > 0 else { return [] }
        let impossible = Int64.min / 4
        var score = [Int64](repeating: impossible, count: n)
        var back = [Int32](repeating: 0, count: count * n)
        for k in 0..<n where allowed[n * n + k] { score[k] = e[k] + Int64(transitions[n * n + k]) }
        var next = score
        for t in 1..<max(count, 1) {
            for k in 0..<n {
                var best = impossible, arg = 0
                for j in 0..<n where allowed[j * n + k] && score[j] > impossible {
                    let s = score[j] + Int64(transitions[j * n + k])
                    if s > best { best = s; arg = j }
                }
                next[k] = best == impossible ? impossible : best + e[t * n + k]
                back[t * n + k] = Int32(arg)
            }
            swap(&score, &next)
        }
        var last = 0
        for k in 1..<n where score[k] > score[last] { last = k }
        var out = [Int](repeating: 0, count: count)
        out[count - 1] = last
        var t = count - 1
        while t > 0 {
            out[t - 1] = Int(back[t * n + out[t]])
            t -= 1
        }
        return out
    }

    /// The spans the labels name: (first position, end position, kind) for each B-X I-X… run.
    public func spans(_ tags: [Int]) -> [(range: Range<Int>, kind: String)] {
        var out: [(range: Range<Int>, kind: String)] = []
        var start: Int?
        var kind = ""
        for (t, k) in tags.enumerated() {
            let label = labels[k]
            if label.hasPrefix("I-"), start != nil, label.dropFirst(2) == kind { continue }
            if let s = start { out.append((s..<t, kind)); start = nil }
            if label.hasPrefix("B-") { start = t; kind = String(label.dropFirst(2)) }
        }
        if let s = start { out.append((s..<tags.count, kind)) }
        return out
    }

    public var table: [(name: String, weights: [Int32])] {
        let n = labels.count
        return rows.compactMap { h, row -> (name: String, weights: [Int32])? in
            guard let name = names[h] else { return nil }
            let w = Array(emissions[row..<(row + n)])
            return w.allSatisfy { $0 == 0 } ? nil : (name, w)
        }.sorted { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }
    }

    public var featureCount: Int { rows.count }
}
