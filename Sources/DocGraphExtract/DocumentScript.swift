/// Whether a document is written in traditional characters, and how to write a name the rules
/// built in simplified characters (from the lexicons: 广东省人民代表大会) the way the document
/// writes it (廣東省人民代表大會). Labels keep the document's script; the simplified form
/// stays an alias, so both are found.
struct DocumentScript: Sendable {
    /// Simplified → traditional as this document writes it (its first use of each).
    private var written: [Unicode.Scalar: Unicode.Scalar] = [:]
    let isTraditional: Bool

    /// A document is traditional when at least this share of its Han characters are traditional forms.
    static let traditionalShare = 0.03

    init(original: [Unicode.Scalar], normalized: [Unicode.Scalar]) {
        var han = 0, traditional = 0
        for (o, n) in zip(original, normalized) where PersonFinder.isHan(o) {
            han += 1
            if o != n {
                traditional += 1
                if written[n] == nil { written[n] = o }
            }
        }
        // Only the document's own forms: a table's inverse would guess wrong where a simplified
        // character stands for several (表 for 表 and 錶).
        isTraditional = han > 0 && Double(traditional) >= Double(han) * Self.traditionalShare
        if !isTraditional { written = [:] }
    }

    /// `name` in the document's script.
    func write(_ name: String) -> String {
        guard isTraditional else { return name }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: name.unicodeScalars.map { written[$0] ?? $0 })
        return String(out)
    }
}

extension Extractor {
    /// Whether `text` is written in traditional characters, by the same test extraction uses
    /// (``DocumentScript``): OCR reads such pages again with the traditional model.
    public func isTraditional(_ text: String) -> Bool {
        let original = Array(text.unicodeScalars)
        return DocumentScript(original: original, normalized: normalizer.normalize(original)).isTraditional
    }
}
