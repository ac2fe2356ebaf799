/// Makes text comparable with the lexicons without moving any offset: each
/// scalar maps to exactly one scalar. Full-width ASCII forms become ASCII
/// (，→ , ；→ ;), the ideographic space a space, corner brackets quotation marks
/// (「」→ “”), and traditional characters
/// their simplified forms (from `lexicons/traditional-simplified.tsv`).
/// Matching runs on the result; labels and evidence keep the original text.
struct TextNormalizer: Sendable {
    /// The common Han blocks (U+3400…U+9FFF) as a flat table, one read per
    /// character; the rare characters beyond them in a dictionary.
    private static let tableStart: UInt32 = 0x3400, tableEnd: UInt32 = 0xA000
    private let table: [UInt32]
    private let beyondTable: [Unicode.Scalar: Unicode.Scalar]

    init(traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar]) {
        var table = (Self.tableStart..<Self.tableEnd).map { $0 }
        var beyond: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (t, s) in traditionalToSimplified {
            if (Self.tableStart..<Self.tableEnd).contains(t.value) {
                table[Int(t.value - Self.tableStart)] = s.value
            } else {
                beyond[t] = s
            }
        }
        self.table = table
        beyondTable = beyond
    }

    func normalize(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        s.map { u in
            switch u.value {
            case 0xFF01...0xFF5E: return Unicode.Scalar(u.value - 0xFEE0) ?? u
            case 0x3000: return " "
            // Corner brackets, the quotation marks of traditional-script texts: 「…」 reads as “…”.
            case 0x300C: return "\u{201C}"
            case 0x300D: return "\u{201D}"
            case 0x300E: return "\u{2018}"
            case 0x300F: return "\u{2019}"
            case Self.tableStart..<Self.tableEnd: return Unicode.Scalar(table[Int(u.value - Self.tableStart)]) ?? u
            case 0x20000...0x2FFFF: return beyondTable[u] ?? u
            default: return u
            }
        }
    }
}
