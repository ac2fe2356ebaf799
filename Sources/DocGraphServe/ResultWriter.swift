import DocGraphModel
import DocGraphQuery
import DocGraphRDF
import DocGraphXML

/// A query's answer written in a ``ResultMediaType``: the four SPARQL 1.1
/// result formats for solutions and booleans (JSON, XML, CSV, TSV), the RDF
/// serializers `docgraph convert` uses for triples.
enum ResultWriter {
    static func bytes(_ result: SPARQLResult, as type: ResultMediaType) throws -> [UInt8] {
        switch (result, type) {
        case (_, .sparqlJSON): return Array(result.json().utf8)
        case (_, .sparqlXML): return xml(result)
        case (_, .csv): return Array(csv(result).utf8)
        case (_, .tsv): return Array(tsv(result).utf8)
        case (.graph(let triples), .nTriples):
            var out = ""
            for t in triples { out += NTriplesSerializer.line(t) }
            return Array(out.utf8)
        case (.graph(let triples), .turtle):
            let output = ByteOutput()
            var w = TurtleSerializer(output: output)
            for t in triples { try w.consume(t) }
            try w.finish()
            return output.memory
        case (.graph(let triples), .rdfXML):
            let writer = XMLByteWriter()
            let w = try RDFXMLSerializer(writer: writer)
            for t in triples { try w.consume(t) }
            try w.finish()
            return writer.memory
        case (.solutions, _), (.boolean, _):
            // Negotiation offers graph formats for CONSTRUCT only.
            return Array(result.json().utf8)
        }
    }

    /// SPARQL 1.1 Query Results XML Format.
    static func xml(_ result: SPARQLResult) -> [UInt8] {
        let w = XMLByteWriter()
        w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n")
        switch result {
        case .boolean(let b):
            w.raw("<head/>\n<boolean>")
            w.raw(b ? "true" : "false")
            w.raw("</boolean>\n")
        case .solutions(let variables, let rows):
            w.raw("<head>")
            for v in variables { w.raw("<variable name=\""); w.attributeValue(v); w.raw("\"/>") }
            w.raw("</head>\n<results>\n")
            for row in rows {
                w.raw("<result>")
                for v in variables {
                    guard let term = row[v] else { continue }
                    w.raw("<binding name=\""); w.attributeValue(v); w.raw("\">")
                    switch term {
                    case .iri(let i): w.raw("<uri>"); w.text(i.string); w.raw("</uri>")
                    case .blank(let b): w.raw("<bnode>"); w.text(b.id); w.raw("</bnode>")
                    case .literal(let l):
                        w.raw("<literal")
                        if let lang = l.language { w.raw(" xml:lang=\""); w.attributeValue(lang); w.raw("\"") }
                        else if l.datatype != XSD.string { w.raw(" datatype=\""); w.attributeValue(l.datatype.string); w.raw("\"") }
                        w.raw(">"); w.text(l.lexicalForm); w.raw("</literal>")
                    }
                    w.raw("</binding>")
                }
                w.raw("</result>\n")
            }
            w.raw("</results>\n")
        case .graph:
            w.raw("<head/>\n")
        }
        w.raw("</sparql>\n")
        return w.memory + w.buffer
    }

    /// SPARQL 1.1 Query Results CSV: values bare (IRIs, literals' lexical forms, `_:` blank nodes),
    /// quoted when they hold a comma, a quote or a line break; CRLF between rows.
    static func csv(_ result: SPARQLResult) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        func value(_ t: Term) -> String {
            switch t {
            case .iri(let i): return i.string
            case .blank(let b): return "_:" + b.id
            case .literal(let l): return l.lexicalForm
            }
        }
        switch result {
        case .boolean(let b): return "_askResult\r\n\(b)\r\n"
        case .solutions(let variables, let rows):
            var out = variables.map(field).joined(separator: ",") + "\r\n"
            for row in rows { out += variables.map { row[$0].map(value).map(field) ?? "" }.joined(separator: ",") + "\r\n" }
            return out
        case .graph: return ""
        }
    }

    /// SPARQL 1.1 Query Results TSV: `?`-named columns, values in their Turtle spelling (tabs and
    /// line breaks inside strings escaped).
    static func tsv(_ result: SPARQLResult) -> String {
        func value(_ t: Term) -> String {
            let s = NTriplesSerializer.string(t)
            return s.contains("\t") ? s.replacingOccurrences(of: "\t", with: "\\t") : s
        }
        switch result {
        case .boolean(let b): return "?_askResult\n\(b)\n"
        case .solutions(let variables, let rows):
            var out = variables.map { "?" + $0 }.joined(separator: "\t") + "\n"
            for row in rows { out += variables.map { row[$0].map(value) ?? "" }.joined(separator: "\t") + "\n" }
            return out
        case .graph: return ""
        }
    }
}
