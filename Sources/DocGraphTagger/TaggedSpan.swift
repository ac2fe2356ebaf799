/// One word the tagger found in a sentence.
public struct TaggedSpan: Sendable, Equatable {
    /// The word's characters: offsets of Unicode scalars in the sentence.
    public var range: Range<Int>
    /// The word's tag without its `-B`/`-I` suffix: `PER`, `ORG`, `LOC`, `TIME`,
    /// `nw`, `nz`, `n`, `v`, … as LAC names them.
    public var label: String
    /// The model's confidence in the span, in [0, 1]: the lowest posterior
    /// marginal, over the span's characters, of the tag the best path gives it.
    public var score: Float

    public init(range: Range<Int>, label: String, score: Float) {
        self.range = range
        self.label = label
        self.score = score
    }
}
