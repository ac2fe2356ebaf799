/// Words of a lexicon grouped by their first scalar, each with its entry, the
/// words stored flat (one array of scalars, a span per word): trying them at
/// a position of a text reads no reference-counted value, where a list of
/// (word, entry) pairs copied every pair it tried.
struct WordsByFirst<Entry: Sendable>: Sendable {
    private var text: [Unicode.Scalar] = []
    private var spans: [Range<Int>] = []
    /// The entry of each word, by its number.
    private(set) var entries: [Entry] = []
    /// First scalar → the numbers of the words it starts, in the order they were given.
    private var byFirst: [Unicode.Scalar: [Int]] = [:]

    /// The words in `pairs`, tried in their order.
    init(_ pairs: [(word: [Unicode.Scalar], entry: Entry)]) {
        for (word, entry) in pairs {
            guard let first = word.first else { continue }
            byFirst[first, default: []].append(spans.count)
            spans.append(text.count..<(text.count + word.count))
            text += word
            entries.append(entry)
        }
    }

    /// The numbers of the words starting with `first`, in their order.
    func words(startingWith first: Unicode.Scalar) -> [Int] { byFirst[first] ?? [] }

    /// The length of word `k`.
    func length(_ k: Int) -> Int { spans[k].count }

    /// Whether word `k` stands at `i` in `s`.
    @inline(__always)
    func matches(_ k: Int, at i: Int, in s: [Unicode.Scalar]) -> Bool {
        let span = spans[k]
        guard i >= 0, i + span.count <= s.count else { return false }
        var j = span.lowerBound, p = i
        while j < span.upperBound {
            if text[j] != s[p] { return false }
            j += 1; p += 1
        }
        return true
    }
}
