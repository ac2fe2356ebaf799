/// Makes text comparable with the lexicons without moving any offset: each
/// scalar maps to exactly one scalar. Full-width ASCII forms become ASCII
/// (，→ , ；→ ;), the ideographic space a space, and traditional characters
/// their simplified forms (from `lexicons/traditional-simplified.tsv`).
/// Matching runs on the result; labels and evidence keep the original text.
struct TextNormalizer: Sendable {
    let traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar]

    func normalize(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        s.map { u in
            switch u.value {
            case 0xFF01...0xFF5E: return Unicode.Scalar(u.value - 0xFEE0) ?? u
            case 0x3000: return " "
            case 0x3400...0x9FFF, 0x20000...0x2FFFF: return traditionalToSimplified[u] ?? u
            default: return u
            }
        }
    }
}
