import DocGraphRDF

/// Writes CSV rows field by field: commas between fields, `\n` after each row.
struct CSVRow {
    let out: ByteOutput
    private var first = true

    init(_ out: ByteOutput) { self.out = out }

    mutating func field(_ v: PropertyValue, replaced: inout Int) throws {
        if !first { out.write(byte: UInt8(ascii: ",")) }
        first = false
        switch v {
        case .none: break
        case .number(let n): try out.write(n)
        case .text(let s): ExportEscaping.csvField(s, to: out, replaced: &replaced)
        case .list(let items): ExportEscaping.csvList(items, to: out, replaced: &replaced)
        }
    }

    /// A header or other field written as it is (no quotes).
    mutating func raw(_ s: String) throws {
        if !first { out.write(byte: UInt8(ascii: ",")) }
        first = false
        try out.write(s)
    }

    mutating func end() throws {
        try out.write("\n")
        first = true
    }
}

extension PropertyGraph.Edge {
    /// The edge's properties after its ends, in the order every export writes them.
    var properties: [(name: String, value: PropertyValue)] {
        [("iri", .text(iri)), ("predicate", .text(predicate)), ("role", role.map { .text($0) } ?? .none),
         ("confidence", ExportEscaping.number(confidence).map { .number($0) } ?? .none),
         ("evidence", .list(evidence)), ("documents", .list(documents))]
    }
}
