import DocGraphModel

/// Writes N-Triples, one triple per line, in canonical form (RDF 1.1
/// N-Triples §4): only `\\`, `"`, line feed and carriage return escaped in
/// literals, everything else as UTF-8.
public struct NTriplesSerializer: TripleSink {
    let output: ByteOutput

    public init(output: ByteOutput) { self.output = output }

    public mutating func consume(_ t: Triple) throws {
        try output.write(Self.line(t))
    }

    /// Finishes the stream (flushes and closes the file).
    public func finish() throws { try output.close() }

    /// One triple as an N-Triples line, newline included.
    public static func line(_ t: Triple) -> String {
        var s = ""
        append(t.subject.term, to: &s)
        s += " "
        append(.iri(t.predicate), to: &s)
        s += " "
        append(t.object, to: &s)
        s += " .\n"
        return s
    }

    /// The N-Triples spelling of a term.
    public static func string(_ term: Term) -> String {
        var s = ""
        append(term, to: &s)
        return s
    }

    static func append(_ term: Term, to s: inout String) {
        switch term {
        case .iri(let i):
            s += "<"
            for u in i.string.unicodeScalars {
                switch u.value {
                case 0...0x20, 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5E, 0x60, 0x5C:
                    s += "\\u" + String(u.value, radix: 16, uppercase: true).leftPad(4)
                default: s.unicodeScalars.append(u)
                }
            }
            s += ">"
        case .blank(let b):
            s += "_:" + b.id
        case .literal(let l):
            s += "\""
            for u in l.lexicalForm.unicodeScalars {
                switch u {
                case "\\": s += "\\\\"
                case "\"": s += "\\\""
                case "\n": s += "\\n"
                case "\r": s += "\\r"
                default: s.unicodeScalars.append(u)
                }
            }
            s += "\""
            if let lang = l.language {
                s += "@" + lang
            } else if l.datatype != XSD.string {
                s += "^^"
                append(.iri(l.datatype), to: &s)
            }
        }
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
