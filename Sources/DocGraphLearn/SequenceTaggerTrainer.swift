/// Trains a ``SequenceTagger`` as an averaged structured perceptron
/// (Collins 2002): decode each sentence, and where the best sequence differs
/// from the gold one, add the gold sequence's features and subtract the
/// decoded one's. The averaged weights are what the model keeps. Updates are
/// integers and the sentence order is drawn from a fixed seed, so the same
/// sentences give the same weights on every machine.
public struct SequenceTaggerTrainer: Sendable {
    public struct Sentence: Sendable {
        /// Each position's feature numbers.
        public var positions: [[UInt64]]
        /// Each position's gold label.
        public var labels: [Int]

        public init(positions: [[UInt64]], labels: [Int]) {
            self.positions = positions
            self.labels = labels
        }
    }

    public var epochs = 8
    public var minimumCount = 2
    public var seed: UInt64 = 0x646F_6367_7261_7068

    public init() {}

    public func train(_ sentences: [Sentence], labels: [String], names: [UInt64: String]) -> SequenceTagger {
        let n = labels.count
        var counts: [UInt64: Int] = [:]
        for s in sentences { for p in s.positions { for f in p { counts[f, default: 0] += 1 } } }
        let kept = counts.filter { $0.value >= minimumCount && names[$0.key] != nil }.keys
            .sorted { names[$0, default: ""].unicodeScalars.lexicographicallyPrecedes(names[$1, default: ""].unicodeScalars) }
        var row: [UInt64: Int] = [:]
        for (i, f) in kept.enumerated() { row[f] = i * n }
        let rowsOf: [[[Int]]] = sentences.map { s in s.positions.map { p in p.compactMap { row[$0] } } }
        // Current weights w, and u, the sum of each update times the step it was made at:
        // the average over all steps is w − u / steps.
        var w = [Int64](repeating: 0, count: kept.count * n)
        var u = [Int64](repeating: 0, count: kept.count * n)
        var tw = [Int64](repeating: 0, count: (n + 1) * n)
        var tu = [Int64](repeating: 0, count: (n + 1) * n)
        let allowed = SequenceTagger.allowedTransitions(labels)
        var step: Int64 = 1
        var rng = SplitMix64(seed: seed)
        for _ in 0..<epochs {
            for i in rng.permutation(sentences.count) {
                let gold = sentences[i].labels
                let rows = rowsOf[i]
                guard !gold.isEmpty else { continue }
                var e = [Int64](repeating: 0, count: rows.count * n)
                for (t, rs) in rows.enumerated() { for r in rs { for k in 0..<n { e[t * n + k] += w[r + k] } } }
                let guess = SequenceTagger.viterbi(e, count: rows.count, labels: n,
                                                   transitions: tw.map { Int32(clamping: $0) }, allowed: allowed)
                if guess != gold {
                    for t in rows.indices {
                        let g = gold[t], p = guess[t]
                        if g != p {
                            for r in rows[t] {
                                w[r + g] += 1; u[r + g] += step
                                w[r + p] -= 1; u[r + p] -= step
                            }
                        }
                        let gFrom = t == 0 ? n : gold[t - 1], pFrom = t == 0 ? n : guess[t - 1]
                        if gFrom != pFrom || g != p {
                            tw[gFrom * n + g] += 1; tu[gFrom * n + g] += step
                            tw[pFrom * n + p] -= 1; tu[pFrom * n + p] -= step
                        }
                    }
                }
                step += 1
            }
        }
        // Averaged weights, scaled to the integer units the tagger keeps.
        let scale = Int64(LinearClassifier.scale)
        func average(_ w: Int64, _ u: Int64) -> Int32 {
            let numerator = (w * step - u) * scale
            let q = numerator / step, r = numerator % step
            let rounded = 2 * abs(r) >= step ? q + (numerator < 0 ? -1 : 1) : q
            return Int32(clamping: rounded)
        }
        let table = kept.enumerated().map { i, f in
            (name: names[f, default: ""], weights: (0..<n).map { k in average(w[i * n + k], u[i * n + k]) })
        }
        let transitions = (0..<((n + 1) * n)).map { average(tw[$0], tu[$0]) }
        return SequenceTagger(labels: labels, emissions: table, transitions: transitions)
    }
}
