import CDocGraphTaggerKernels

extension TaggerModel {
    /// Sentences per batch, and characters per batch (about 4 KB of scratch each).
    static let batchSentences = 64
    static let batchCharacters = 8192

    /// Tags each sentence: its words (spans of Unicode scalars, in order,
    /// covering the sentence) with LAC's labels and a confidence.
    ///
    /// Sentences are batched by length internally; each result equals what
    /// tagging that sentence alone gives, bit for bit.
    public func tag(_ sentences: [[Unicode.Scalar]]) -> [[TaggedSpan]] {
        var results = [[TaggedSpan]](repeating: [], count: sentences.count)
        let order = sentences.indices.filter { !sentences[$0].isEmpty }.sorted {
            sentences[$0].count != sentences[$1].count ? sentences[$0].count > sentences[$1].count : $0 < $1
        }
        var start = 0
        while start < order.count {
            var end = start, characters = 0
            while end < order.count, end - start < Self.batchSentences,
                end == start || characters + sentences[order[end]].count <= Self.batchCharacters
            {
                characters += sentences[order[end]].count
                end += 1
            }
            let batch = order[start..<end]
            let spans = run(batch.map { sentences[$0].map(vocabulary.id(of:)) })
            for (k, index) in batch.enumerated() { results[index] = spans[k] }
            start = end
        }
        return results
    }

    /// The encoder and the CRF over sentences of ids sorted by length, longest first.
    ///
    /// Rows are packed time-major with no padding: step t holds the
    /// `active[t]` sentences longer than t, always a prefix of the batch, so a
    /// sentence's numbers never depend on the others'.
    private func run(_ ids: [[Int32]]) -> [[TaggedSpan]] {
        let steps = ids[0].count
        var active = [Int](repeating: 0, count: steps)
        for s in ids { for t in 0..<s.count { active[t] += 1 } }
        var offset = [Int](repeating: 0, count: steps + 1)
        for t in 0..<steps { offset[t + 1] = offset[t] + active[t] }
        let rows = offset[steps]
        var packed = [Int32](repeating: 0, count: rows)
        for (b, s) in ids.enumerated() { for (t, id) in s.enumerated() { packed[offset[t] + b] = id } }

        let g = TaggerWeights.gates, h = TaggerWeights.hidden, width = ProjectionCache.width
        // Scratch left uninitialised: every row is written before it is read
        // (x by the gather, hidden by both directions' steps, the states zeroed per direction).
        let x = FloatBuffer(lazyCount: rows * width)  // input projections, later the tag scores
        let hidden = FloatBuffer(lazyCount: rows * 2 * h)  // a layer's output, forward ‖ backward
        let state = (FloatBuffer(lazyCount: ids.count * h), FloatBuffer(lazyCount: ids.count * h))
        cache.gather(packed, into: x.pointer)

        func layer(_ r: [[Float]], _ rb: [[Float]]) {
            for direction in 0..<2 {
                state.0.zero()
                state.1.zero()
                var (previous, next) = (state.0, state.1)
                let forward = direction == 0
                for t in forward ? Array(0..<steps) : (0..<steps).reversed() {
                    r[direction].withUnsafeBufferPointer { rp in
                        rb[direction].withUnsafeBufferPointer { rbp in
                            dg_gru_step(previous.pointer, Int32(active[t]), rp.baseAddress, rbp.baseAddress,
                                        x.pointer + offset[t] * width + direction * g, width, next.pointer,
                                        hidden.pointer + offset[t] * 2 * h + direction * h, 2 * h)
                        }
                    }
                    swap(&previous, &next)
                }
            }
        }
        func project(_ w: [Float], _ bias: [Float], columns: Int) {
            w.withUnsafeBufferPointer { wp in
                bias.withUnsafeBufferPointer { bp in
                    dg_gemm(hidden.pointer, 2 * h, Int32(rows), Int32(2 * h), wp.baseAddress, bp.baseAddress, Int32(columns),
                            x.pointer, columns)
                }
            }
        }
        layer(weights.recurrent1, weights.recurrent1Bias)
        project(weights.input2, weights.input2Bias, columns: width)
        layer(weights.recurrent2, weights.recurrent2Bias)
        let tags = TaggerWeights.tagStride
        project(weights.output, weights.outputBias, columns: tags)

        var results: [[TaggedSpan]] = []
        results.reserveCapacity(ids.count)
        let emissions = FloatBuffer(lazyCount: steps * tags), alpha = FloatBuffer(lazyCount: 2 * steps * tags)
        var path = [Int32](repeating: 0, count: steps), backpointers = [Int32](repeating: 0, count: steps * tags)
        var confidence = [Float](repeating: 0, count: steps)
        for (b, s) in ids.enumerated() {
            let n = s.count
            for t in 0..<n { (emissions.pointer + t * tags).update(from: x.pointer + (offset[t] + b) * tags, count: tags) }
            weights.transitions.withUnsafeBufferPointer { trans in
                dg_viterbi(emissions.pointer, tags, Int32(n), trans.baseAddress, Int32(weights.tagCount), &path, &backpointers)
            }
            weights.expTransitions.withUnsafeBufferPointer { e in
                weights.expTransitionsT.withUnsafeBufferPointer { et in
                    dg_marginals(emissions.pointer, tags, Int32(n), e.baseAddress, et.baseAddress, Int32(weights.tagCount),
                                 path, &confidence, alpha.pointer)
                }
            }
            results.append(spans(path: path[0..<n], confidence: confidence[0..<n]))
        }
        return results
    }

    /// Words from a tag path as lac.py reads it: a word starts at each
    /// character whose tag does not end in `-I` (and at the first character).
    private func spans(path: ArraySlice<Int32>, confidence: ArraySlice<Float>) -> [TaggedSpan] {
        var result: [TaggedSpan] = []
        var i = 0
        let n = path.count
        while i < n {
            let start = i
            var score = confidence[i]
            let label = vocabulary.labels[Int(path[i])]
            i += 1
            while i < n, vocabulary.continues[Int(path[i])] {
                score = min(score, confidence[i])
                i += 1
            }
            result.append(TaggedSpan(range: start..<i, label: label, score: score))
        }
        return result
    }
}
