/// Words of a lexicon grouped by their first scalar, each with its entry, the
/// words stored flat (one array of scalars, a span per word): trying them at
/// a position of a text reads no reference-counted value, where a list of
/// (word, entry) pairs copied every pair it tried.
struct WordsByFirst<Entry: Sendable>: Sendable {
    private var text: [Unicode.Scalar] = []
    private var spans: [Range<Int>] = []
    /// The entry of each word, by its number.
    private(set) var entries: [Entry] = []
    /// First scalar → where its words' numbers stand in `numbers` (see ``ScalarTable``).
    private var groupOf = ScalarTable()
    private var groups: [[Int]] = []

    /// The words in `pairs`, tried in their order.
    init(_ pairs: [(word: [Unicode.Scalar], entry: Entry)]) {
        for (word, entry) in pairs {
            let first = word.first ?? " "   // (an empty word is filed as the lists it replaces filed it)
            if let g = groupOf[0, first] {
                groups[Int(g)].append(spans.count)
            } else {
                groupOf.set(0, first, Int32(groups.count))
                groups.append([spans.count])
            }
            spans.append(text.count..<(text.count + word.count))
            text += word
            entries.append(entry)
        }
    }

    /// The numbers of the words starting with `first`, in their order.
    func words(startingWith first: Unicode.Scalar) -> [Int] { groupOf[0, first].map { groups[Int($0)] } ?? [] }

    /// The number of the first word (in their order) that stands at `i` in `s`.
    func first(at i: Int, in s: [Unicode.Scalar]) -> Int? {
        guard i >= 0, i < s.count, let g = groupOf[0, s[i]] else { return nil }
        return groups[Int(g)].first { matches($0, at: i, in: s) }
    }

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
