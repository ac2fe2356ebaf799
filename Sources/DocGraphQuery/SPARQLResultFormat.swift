import DocGraphModel
import DocGraphRDF
import Foundation

extension SPARQLResult {
    /// The result as rows of text: terms in their N-Triples spelling, except
    /// strings (language-tagged or not) and numbers, which read better bare;
    /// `--format json` keeps every detail.
    public func table() -> ResultTable {
        switch self {
        case .boolean(let b): return ResultTable(columns: ["result"], rows: [[.text(b ? "true" : "false")]])
        case .graph(let triples):
            return ResultTable(columns: ["subject", "predicate", "object"],
                               rows: triples.map { [.text(Self.text($0.subject.term)), .text(Self.text(.iri($0.predicate))), .text(Self.text($0.object))] })
        case .solutions(let variables, let rows):
            return ResultTable(columns: variables, rows: rows.map { row in variables.map { .text(row[$0].map(Self.text) ?? "") } })
        }
    }

    static func text(_ t: Term) -> String {
        if case .literal(let l) = t, l.language != nil { return l.lexicalForm }
        if case .literal(let l) = t,
           l.datatype == XSD.string || l.datatype == XSD.integer || l.datatype == XSD.decimal || l.datatype == XSD.double || l.datatype == XSD.boolean {
            return l.lexicalForm
        }
        return NTriplesSerializer.string(t)
    }

    /// SPARQL 1.1 Query Results JSON Format; CONSTRUCT results as N-Triples lines in a JSON array.
    public func json() -> String {
        func term(_ t: Term) -> String {
            switch t {
            case .iri(let i): return "{\"type\":\"uri\",\"value\":\(ResultTable.jsonString(i.string))}"
            case .blank(let b): return "{\"type\":\"bnode\",\"value\":\(ResultTable.jsonString(b.id))}"
            case .literal(let l):
                var s = "{\"type\":\"literal\",\"value\":\(ResultTable.jsonString(l.lexicalForm))"
                if let lang = l.language { s += ",\"xml:lang\":\(ResultTable.jsonString(lang))" }
                else if l.datatype != XSD.string { s += ",\"datatype\":\(ResultTable.jsonString(l.datatype.string))" }
                return s + "}"
            }
        }
        switch self {
        case .boolean(let b): return "{\"head\":{},\"boolean\":\(b)}\n"
        case .graph(let triples):
            return "[" + triples.map { ResultTable.jsonString(NTriplesSerializer.line($0).trimmingCharacters(in: .newlines)) }.joined(separator: ",\n ") + "]\n"
        case .solutions(let variables, let rows):
            let head = "{\"head\":{\"vars\":[" + variables.map(ResultTable.jsonString).joined(separator: ",") + "]},\n\"results\":{\"bindings\":["
            let bindings = rows.map { row in
                "{" + variables.compactMap { v in row[v].map { ResultTable.jsonString(v) + ":" + term($0) } }.joined(separator: ",") + "}"
            }
            return head + bindings.joined(separator: ",\n") + "]}}\n"
        }
    }
}
