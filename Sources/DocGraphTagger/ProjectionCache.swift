import CDocGraphTaggerKernels
import Synchronization

/// Layer 1's input projection (embedding · Wᵀ + Wb, both directions, 768
/// floats) per vocabulary id, computed the first time a character is seen.
///
/// It depends only on the character, so this replaces a third of the first
/// layer's work by a copy. A row is computed by the same kernel and the same
/// arithmetic whenever it is first needed, so the cache never changes results.
final class ProjectionCache: Sendable {
    static let width = 2 * TaggerWeights.gates

    private struct State: ~Copyable {
        var known: [Bool]
        /// Room for every id's row; pages are touched only for the ids seen.
        let rows: FloatBuffer
    }

    private let weights: TaggerWeights
    private let state: Mutex<State>

    init(weights: TaggerWeights) {
        self.weights = weights
        let rows = FloatBuffer(lazyCount: weights.vocabularySize * Self.width)
        state = Mutex(State(known: [Bool](repeating: false, count: weights.vocabularySize), rows: rows))
    }

    /// Writes the projection of `ids[i]` to `out[i * 768 ..< (i + 1) * 768]`.
    func gather(_ ids: [Int32], into out: UnsafeMutablePointer<Float>) {
        let width = Self.width, h = TaggerWeights.hidden
        let weights = self.weights
        state.withLock { state in
            var missing: [Int32] = []
            for id in ids where !state.known[Int(id)] {
                state.known[Int(id)] = true
                missing.append(id)
            }
            if !missing.isEmpty {
                let a = FloatBuffer(count: missing.count * h), c = FloatBuffer(count: missing.count * width)
                weights.embedding.withUnsafeBufferPointer { emb in
                    for (i, id) in missing.enumerated() {
                        for k in 0..<h { a.pointer[i * h + k] = emb[Int(id) * h + k] }
                    }
                }
                weights.input1.withUnsafeBufferPointer { w in
                    weights.input1Bias.withUnsafeBufferPointer { b in
                        dg_gemm(a.pointer, h, Int32(missing.count), Int32(h), w.baseAddress, b.baseAddress, Int32(width),
                                c.pointer, width)
                    }
                }
                for (i, id) in missing.enumerated() {
                    (state.rows.pointer + Int(id) * width).update(from: c.pointer + i * width, count: width)
                }
            }
            for (i, id) in ids.enumerated() {
                (out + i * width).update(from: state.rows.pointer + Int(id) * width, count: width)
            }
        }
    }
}
