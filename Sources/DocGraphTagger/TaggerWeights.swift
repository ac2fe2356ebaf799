import CDocGraphTaggerKernels

/// The encoder's and the CRF's numbers, repacked once for the kernels.
///
/// The ONNX graph (opset 13) is: Gather(embedding_0.w_0) → GRU (bidirectional,
/// hidden 128, linear_before_reset, W helper.concat.5, R helper.concat.6,
/// B helper.concat.9, initial state 0) → forward ‖ backward → GRU (W
/// helper.concat.14, R helper.concat.15, B helper.concat.18) → MatMul
/// linear_0.w_0 + linear_0.b_0 → 59 tag scores per character.
final class TaggerWeights: Sendable {
    static let hidden = Int(DG_HIDDEN)
    static let gates = 3 * hidden  // z, r, h in ONNX order
    static let tagStride = Int(DG_MAX_TAGS)

    let vocabularySize: Int
    let tagCount: Int
    /// embedding_0.w_0, [vocabularySize][128].
    let embedding: [Float]
    /// Layer 1's input weights for both directions as one GEMM (768 outputs:
    /// forward z r h ‖ backward z r h), and their bias (Wb).
    let input1: [Float], input1Bias: [Float]
    /// Layer 1's recurrent weights and biases (Rb) per direction, packed by dg_pack_gru.
    let recurrent1: [[Float]], recurrent1Bias: [[Float]]
    let input2: [Float], input2Bias: [Float]
    let recurrent2: [[Float]], recurrent2Bias: [[Float]]
    /// linear_0 packed to 64 outputs (zero past tagCount), and its bias.
    let output: [Float], outputBias: [Float]
    /// CRF transitions, 64 × 64 (zero past tagCount); exp of them; its transpose.
    let transitions: [Float], expTransitions: [Float], expTransitionsT: [Float]

    struct Failure: Error { var message: String }

    init(_ onnx: ONNXInitializers, transitions crf: NPYArray) throws(Failure) {
        func tensor(_ name: String, _ dims: [Int]? = nil) throws(Failure) -> ONNXInitializers.Tensor {
            guard let t = onnx.tensors[name] else { throw Failure(message: "no float initializer \(name)") }
            if let dims, t.dims != dims { throw Failure(message: "\(name) has shape \(t.dims), expected \(dims)") }
            return t
        }
        let h = Self.hidden, g = Self.gates
        let emb = try tensor("embedding_0.w_0")
        guard emb.dims.count == 2, emb.dims[1] == h else { throw Failure(message: "embedding_0.w_0 has shape \(emb.dims)") }
        vocabularySize = emb.dims[0]
        embedding = emb.values
        let linear = try tensor("linear_0.w_0")
        guard linear.dims.count == 2, linear.dims[0] == 2 * h, linear.dims[1] <= Self.tagStride else {
            throw Failure(message: "linear_0.w_0 has shape \(linear.dims)")
        }
        tagCount = linear.dims[1]
        let linearBias = try tensor("linear_0.b_0", [tagCount])
        guard crf.shape == [tagCount, tagCount] else {
            throw Failure(message: "CRF transitions have shape \(crf.shape), expected [\(tagCount), \(tagCount)]")
        }

        // Both directions' input weights W [2][384][K] as one [768][K] matrix.
        func inputLayer(_ w: String, _ b: String, inputs: Int) throws(Failure) -> ([Float], [Float]) {
            let weights = try tensor(w, [2, g, inputs]), bias = try tensor(b, [2, 2 * g])
            let packed = Self.packGEMM(weights.values, strideN: inputs, strideK: 1, n: 2 * g, k: inputs)
            let wb = Array(bias.values[0..<g]) + Array(bias.values[(2 * g)..<(3 * g)])
            return (packed, wb)
        }
        func recurrentLayer(_ r: String, _ b: String) throws(Failure) -> ([[Float]], [[Float]]) {
            let weights = try tensor(r, [2, g, h]), bias = try tensor(b, [2, 2 * g])
            var packed: [[Float]] = [], packedBias: [[Float]] = []
            for d in 0..<2 {
                var p = [Float](repeating: 0, count: g * h), pb = [Float](repeating: 0, count: g)
                let rb = Array(bias.values[(d * 2 * g + g)..<(d * 2 * g + 2 * g)])
                Array(weights.values[(d * g * h)..<((d + 1) * g * h)]).withUnsafeBufferPointer { src in
                    rb.withUnsafeBufferPointer { dg_pack_gru(src.baseAddress, $0.baseAddress, &p, &pb) }
                }
                packed.append(p)
                packedBias.append(pb)
            }
            return (packed, packedBias)
        }
        (input1, input1Bias) = try inputLayer("helper.concat.5", "helper.concat.9", inputs: h)
        (recurrent1, recurrent1Bias) = try recurrentLayer("helper.concat.6", "helper.concat.9")
        (input2, input2Bias) = try inputLayer("helper.concat.14", "helper.concat.18", inputs: 2 * h)
        (recurrent2, recurrent2Bias) = try recurrentLayer("helper.concat.15", "helper.concat.18")
        output = Self.packGEMM(linear.values, strideN: 1, strideK: tagCount, n: tagCount, k: 2 * h)
        outputBias = linearBias.values + [Float](repeating: 0, count: Self.tagStride - tagCount)

        let s = Self.tagStride
        var trans = [Float](repeating: 0, count: s * s)
        var expTrans = trans, expTransT = trans
        for i in 0..<tagCount {
            for j in 0..<tagCount {
                let v = crf.values[i * tagCount + j]
                trans[i * s + j] = v
                expTrans[i * s + j] = dg_exp(v)
                expTransT[j * s + i] = dg_exp(v)
            }
        }
        transitions = trans
        expTransitions = expTrans
        expTransitionsT = expTransT
    }

    /// Panels of 32 output columns as dg_gemm reads them.
    static func packGEMM(_ w: [Float], strideN: Int, strideK: Int, n: Int, k: Int) -> [Float] {
        let columns = (n + Int(DG_GEMM_PANEL) - 1) / Int(DG_GEMM_PANEL) * Int(DG_GEMM_PANEL)
        var packed = [Float](repeating: 0, count: columns * k)
        w.withUnsafeBufferPointer { dg_pack_gemm($0.baseAddress, strideN, strideK, Int32(n), Int32(k), &packed) }
        return packed
    }
}
