/// Words stored back to front, so that the longest word ending at a
/// position of a text is found by walking left from it, one step per
/// character: the place gazetteer holds thousands of names, and every
/// organization ending asks which of them stands just before it.
struct SuffixTrie: Sendable {
    /// (node, character) → child node.
    private var children = ScalarTable()
    private var nodeCount = 1
    /// For each node, the index in `values` of the word ending there, or -1.
    private var valueOf: [Int32] = [-1]
    private var values: [String] = []

    /// Stores `word` with `value`; a word stored twice keeps its first value.
    mutating func insert<C: BidirectionalCollection>(_ word: C, value: String) where C.Element == Unicode.Scalar {
        var node = 0
        for u in word.reversed() {
            if let next = children[node, u] {
                node = Int(next)
            } else {
                valueOf.append(-1)
                children.set(node, u, Int32(nodeCount))
                node = nodeCount
                nodeCount += 1
            }
        }
        if valueOf[node] < 0 {
            values.append(value)
            valueOf[node] = Int32(values.count - 1)
        }
    }

    /// The longest stored word of at least `minimumLength` characters that
    /// ends at `end` in `text` and starts at `lowerBound` or later: its start and value.
    func longest(endingAt end: Int, in text: [Unicode.Scalar], minimumLength: Int = 1,
                 lowerBound: Int = 0) -> (start: Int, value: String)? {
        var node = 0
        var found: (Int, String)?
        var k = end
        while k > max(lowerBound, 0), let next = children[node, text[k - 1]] {
            node = Int(next)
            k -= 1
            if valueOf[node] >= 0 && end - k >= minimumLength { found = (k, values[Int(valueOf[node])]) }
        }
        return found
    }
}
