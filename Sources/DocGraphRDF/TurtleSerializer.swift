import DocGraphModel

/// Writes Turtle: the usual prefixes declared once, IRIs in their
/// namespaces written as prefixed names, and consecutive triples of one
/// subject joined with `;`. Terms are otherwise spelled as in N-Triples, so
/// any Turtle reader (and DocGraph's) reads the same triples back.
public struct TurtleSerializer: TripleSink {
    let output: ByteOutput
    var previousSubject: Subject?

    /// Prefixes every DocGraph graph uses, longest namespace first when matching.
    public static let prefixes: [(prefix: String, namespace: String)] = [
        ("rdf", RDF.namespace), ("rdfs", RDFS.namespace), ("xsd", XSD.namespace), ("owl", OWL.namespace),
        ("skos", SKOS.namespace), ("prov", PROV.namespace), ("dcterms", DCTerms.namespace), ("dg", DG.namespace),
        ("dgid", DG.resourceBase),
    ].sorted { $0.1.count > $1.1.count }

    public init(output: ByteOutput) {
        self.output = output
        output.append { b in
            for (p, ns) in Self.prefixes.sorted(by: { $0.prefix < $1.prefix }) {
                b.append(contentsOf: Array("@prefix \(p): <\(ns)> .\n".utf8))
            }
            b.append(0x0A)
        }
    }

    public mutating func consume(_ t: Triple) throws {
        let same = previousSubject == t.subject
        let subject = t.subject
        output.append { b in
            if same {
                b.append(contentsOf: [0x20, 0x3B, 0x0A, 0x20, 0x20, 0x20, 0x20])   // " ;\n    "
            } else {
                if previousSubject != nil { b.append(contentsOf: [0x20, 0x2E, 0x0A]) }
                Self.append(subject.term, to: &b)
                b.append(0x20)
            }
            if t.predicate == RDF.type { b.append(0x61) } else { Self.append(.iri(t.predicate), to: &b) }
            b.append(0x20)
            Self.append(t.object, to: &b)
        }
        previousSubject = subject
        try output.flushIfFull()
    }

    public func finish() throws {
        if previousSubject != nil { output.append { $0.append(contentsOf: [0x20, 0x2E, 0x0A]) } }
        try output.close()
    }

    /// A prefixed name when the IRI is in a known namespace and its local
    /// part is plain (letters, digits, `_`, `-`, and any non-ASCII letter),
    /// else the N-Triples spelling; literals' datatypes likewise.
    static func append(_ term: Term, to b: inout [UInt8]) {
        switch term {
        case .iri(let iri):
            if let name = prefixedName(iri) { b.append(contentsOf: Array(name.utf8)) } else { NTriplesSerializer.append(term, to: &b) }
        case .literal(let l) where l.language == nil && l.datatype != XSD.string:
            NTriplesSerializer.append(.literal(Literal(l.lexicalForm)), to: &b)
            b.append(0x5E); b.append(0x5E)
            append(.iri(l.datatype), to: &b)
        default:
            NTriplesSerializer.append(term, to: &b)
        }
    }

    /// PN_CHARS of the Turtle grammar (§6.5).
    static func isNameCharacter(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D, 0xB7, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x203F...0x2040, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF,
             0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    static func prefixedName(_ iri: IRI) -> String? {
        for (p, ns) in prefixes where iri.string.hasPrefix(ns) {
            let local = iri.string.utf8.dropFirst(ns.utf8.count)
            guard let first = local.first, first != UInt8(ascii: "-"), first != UInt8(ascii: ".") else { return nil }
            let text = String(decoding: local, as: UTF8.self)
            return text.unicodeScalars.allSatisfy(isNameCharacter) ? p + ":" + text : nil
        }
        return nil
    }
}
