import DocGraphModel

/// Writes N-Triples, one triple per line, in canonical form (RDF 1.1
/// N-Triples §4): only `\\`, `"`, line feed and carriage return escaped in
/// literals, everything else as UTF-8.
public struct NTriplesSerializer: TripleSink {
    let output: ByteOutput

    public init(output: ByteOutput) { self.output = output }

    public mutating func consume(_ t: Triple) throws {
        output.append { buffer in
            Self.append(t.subject.term, to: &buffer)
            buffer.append(0x20)
            Self.append(.iri(t.predicate), to: &buffer)
            buffer.append(0x20)
            Self.append(t.object, to: &buffer)
            buffer.append(contentsOf: [0x20, 0x2E, 0x0A])  // " .\n"
        }
        try output.flushIfFull()
    }

    /// Finishes the stream (flushes and closes the file).
    public func finish() throws { try output.close() }

    /// One triple as an N-Triples line, newline included.
    public static func line(_ t: Triple) -> String {
        var b: [UInt8] = []
        append(t.subject.term, to: &b)
        b.append(0x20)
        append(.iri(t.predicate), to: &b)
        b.append(0x20)
        append(t.object, to: &b)
        b.append(contentsOf: [0x20, 0x2E, 0x0A])
        return String(decoding: b, as: UTF8.self)
    }

    /// The N-Triples spelling of a term.
    public static func string(_ term: Term) -> String {
        var b: [UInt8] = []
        append(term, to: &b)
        return String(decoding: b, as: UTF8.self)
    }

    /// Appends a term's UTF-8 spelling. Strings are copied whole when they
    /// need no escape, which is nearly always.
    static func append(_ term: Term, to b: inout [UInt8]) {
        switch term {
        case .iri(let i):
            b.append(0x3C)
            appendIRI(i.string, to: &b)
            b.append(0x3E)
        case .blank(let n):
            b.append(0x5F); b.append(0x3A)
            b.append(contentsOf: n.id.utf8)
        case .literal(let l):
            b.append(0x22)
            var text = l.lexicalForm
            let needsEscape = text.withUTF8 { u in u.contains { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } }
            if !needsEscape {
                b.append(contentsOf: l.lexicalForm.utf8)
            } else {
                for c in l.lexicalForm.utf8 {
                    switch c {
                    case 0x5C: b.append(0x5C); b.append(0x5C)
                    case 0x22: b.append(0x5C); b.append(0x22)
                    case 0x0A: b.append(0x5C); b.append(0x6E)
                    case 0x0D: b.append(0x5C); b.append(0x72)
                    default: b.append(c)
                    }
                }
            }
            b.append(0x22)
            if let lang = l.language {
                b.append(0x40)
                b.append(contentsOf: lang.utf8)
            } else if l.datatype != XSD.string {
                b.append(0x5E); b.append(0x5E); b.append(0x3C)
                appendIRI(l.datatype.string, to: &b)
                b.append(0x3E)
            }
        }
    }

    static func appendIRI(_ s: String, to b: inout [UInt8]) {
        // An IRI holds no character N-Triples would escape (see IRI.init(unchecked:)).
        b.append(contentsOf: s.utf8)
    }
}
