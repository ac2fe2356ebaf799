import DocGraphModel
import DocGraphRDF
import DocGraphXML
import Foundation
import Testing
@testable import DocGraphQuery

/// The W3C SPARQL 1.1 query-evaluation and syntax tests
/// (Tests/Fixtures/conformance/sparql11): every test of every folder is
/// run; the pass count per folder is printed, with each failure's reason.
/// The suite asserts the counts reached so far, so a regression fails it.
struct SPARQLConformanceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/conformance/sparql11")
    static let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
    static let qt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"

    struct Case {
        var folder: String
        var name: String
        var type: String
        var query: String?
        var data: [String]
        var result: String?
        var namedGraphs: Bool
    }

    static func cases() throws -> [Case] {
        var out: [Case] = []
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
            FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/manifest.ttl").path)
        }.sorted()
        for folder in folders {
            let path = root.appendingPathComponent("\(folder)/manifest.ttl").path
            var sink = TripleCollector()
            try TurtleParser.parse(path: path, into: &sink)
            var by: [Subject: [(IRI, Term)]] = [:]
            for t in sink.triples { by[t.subject, default: []].append((t.predicate, t.object)) }
            func one(_ s: Subject, _ p: String) -> Term? { by[s]?.first { $0.0.string == p }?.1 }
            func all(_ s: Subject, _ p: String) -> [Term] { by[s]?.filter { $0.0.string == p }.map(\.1) ?? [] }
            func list(_ t: Term?) -> [Term] {
                var out: [Term] = []
                var node = t
                while let n = node?.subject, let first = one(n, RDF.first.string) { out.append(first); node = one(n, RDF.rest.string) }
                return out
            }
            func file(_ t: Term?) -> String? {
                guard case .iri(let i)? = t, i.string.hasPrefix("file://") else { return nil }
                return String(i.string.dropFirst(7))
            }
            let manifests = by.keys.filter { s in all(s, RDF.type.string).contains(.iri(IRI(unchecked: mf + "Manifest"))) }
            for m in manifests {
                for entry in list(one(m, mf + "entries")) {
                    guard let e = entry.subject else { continue }
                    let type = all(e, RDF.type.string).compactMap(\.iri).first?.displayName ?? "?"
                    let name = one(e, mf + "name").flatMap { $0.literal?.lexicalForm } ?? e.string
                    let action = one(e, mf + "action")
                    var c = Case(folder: folder, name: name, type: type, query: nil, data: [], result: file(one(e, mf + "result")), namedGraphs: false)
                    if case .blank(let b)? = action {
                        let a = Subject.blank(b)
                        c.query = file(one(a, qt + "query"))
                        c.data = all(a, qt + "data").compactMap(file)
                        c.namedGraphs = !all(a, qt + "graphData").isEmpty || !all(a, qt + "serviceData").isEmpty
                    } else {
                        c.query = file(action)   // syntax tests: the action is the query
                    }
                    out.append(c)
                }
            }
        }
        return out.sorted { ($0.folder, $0.name) < ($1.folder, $1.name) }
    }

    /// Runs one test: nil when it passes, else why not.
    static func run(_ c: Case) -> String? {
        guard let queryPath = c.query, let text = try? String(contentsOfFile: queryPath, encoding: .utf8) else { return "skipped: no query file" }
        if c.type.contains("Syntax") {
            let parsed = (try? SPARQLParser.parse(text)) != nil
            let positive = c.type.hasPrefix("Positive")
            return parsed == positive ? nil : (positive ? "valid query rejected: \((try? SPARQLParser.parse(text)).map { _ in "" } ?? syntaxError(text))" : "invalid query accepted")
        }
        if c.namedGraphs { return "skipped: named graphs (GRAPH, FROM NAMED) are outside DocGraph's one-graph files" }
        let query: SPARQLQuery
        do { query = try SPARQLParser.parse(text) } catch { return "parse error: \(error.description.split(separator: "\n").first ?? "")" }
        if let feature = query.unsupported.first { return "skipped: \(feature) is refused by design" }
        var loader = TripleStore.Loader()
        for d in c.data {
            var sink = TripleCollector()
            do {
                if d.hasSuffix(".rdf") { try RDFXMLParser(base: "file://" + d).parse(path: d, into: &sink) } else {
                    try TurtleParser.parse(path: d, into: &sink)
                }
            } catch { return "data error: \(error)" }
            for t in sink.triples { loader.consume(t) }
        }
        var evaluator = SPARQLEvaluator(store: loader.finish())
        let got = evaluator.run(query)
        guard let resultPath = c.result else { return "skipped: no result file" }
        let ordered = text.range(of: "ORDER BY", options: .caseInsensitive) != nil
        do {
            switch got {
            case .boolean(let b):
                let expected = try expectedBoolean(resultPath)
                return expected == b ? nil : "expected \(expected), got \(b)"
            case .solutions(_, let rows):
                let expected = try expectedSolutions(resultPath)
                return same(rows, expected, ordered: ordered) ? nil : "expected \(expected.count) solution(s), got \(rows.count): \(rows.prefix(3))"
            case .graph(let triples):
                var sink = TripleCollector()
                try TurtleParser.parse(path: resultPath, into: &sink)
                return GraphIsomorphism.isIsomorphic(triples, sink.triples) ? nil : "graph differs (\(triples.count) vs \(sink.triples.count) triples)"
            }
        } catch {
            return "result file: \(error)"
        }
    }

    static func syntaxError(_ text: String) -> String {
        do { _ = try SPARQLParser.parse(text); return "" } catch { return error.description.split(separator: "\n").first.map(String.init) ?? "" }
    }

    static func expectedBoolean(_ path: String) throws -> Bool {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        if path.hasSuffix(".srj") { return text.contains("true") }
        if path.hasSuffix(".ttl") { return text.contains("true") }
        return text.range(of: "<boolean>true</boolean>") != nil
    }

    static func expectedSolutions(_ path: String) throws -> [Solution] {
        if path.hasSuffix(".srx") { return try srx(path) }
        if path.hasSuffix(".srj") { return try srj(path) }
        if path.hasSuffix(".ttl") || path.hasSuffix(".rdf") { return try rdfResultSet(path) }
        throw ParseError(source: path, message: "unsupported result format")
    }

    static func srx(_ path: String) throws -> [Solution] {
        let reader = try XMLEventReader(path: path)
        var rows: [Solution] = []
        var row: Solution?
        var name: String?
        var kind: String?
        var attrs: (lang: String?, datatype: String?) = (nil, nil)
        var text = ""
        while let e = try reader.next() {
            switch e {
            case .startElement(let s):
                switch s.localName {
                case "result": row = [:]
                case "binding": name = s.attribute("", "name")
                case "uri", "literal", "bnode":
                    kind = s.localName
                    text = ""
                    attrs = (s.attribute(xmlNamespace, "lang"), s.attribute("", "datatype"))
                default: break
                }
            case .text(let t): if kind != nil { text += t }
            case .endElement:
                if let k = kind, let n = name {
                    switch k {
                    case "uri": row?[n] = .iri(IRI(unchecked: text))
                    case "bnode": row?[n] = .blank(BlankNode(text))
                    default:
                        if let l = attrs.lang { row?[n] = .literal(Literal(text, language: l)) }
                        else if let d = attrs.datatype { row?[n] = .literal(Literal(text, datatype: IRI(unchecked: d))) }
                        else { row?[n] = .literal(Literal(text)) }
                    }
                    kind = nil
                } else if let r = row, name == nil {
                    rows.append(r)
                    row = nil
                } else {
                    name = nil
                }
            default: break
            }
        }
        return rows
    }

    static func srj(_ path: String) throws -> [Solution] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let bindings = (json?["results"] as? [String: Any])?["bindings"] as? [[String: [String: String]]] ?? []
        return bindings.map { b in
            var row: Solution = [:]
            for (k, v) in b {
                let value = v["value"] ?? ""
                switch v["type"] {
                case "uri": row[k] = .iri(IRI(unchecked: value))
                case "bnode": row[k] = .blank(BlankNode(value))
                default:
                    if let l = v["xml:lang"] { row[k] = .literal(Literal(value, language: l)) }
                    else if let d = v["datatype"] { row[k] = .literal(Literal(value, datatype: IRI(unchecked: d))) }
                    else { row[k] = .literal(Literal(value)) }
                }
            }
            return row
        }
    }

    /// Results written as an rs:ResultSet graph.
    static func rdfResultSet(_ path: String) throws -> [Solution] {
        var sink = TripleCollector()
        if path.hasSuffix(".rdf") { try RDFXMLParser(base: "file://" + path).parse(path: path, into: &sink) } else {
            try TurtleParser.parse(path: path, into: &sink)
        }
        let rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
        var by: [Subject: [(IRI, Term)]] = [:]
        for t in sink.triples { by[t.subject, default: []].append((t.predicate, t.object)) }
        var rows: [(Int, Solution)] = []
        for (s, pos) in by where pos.contains(where: { $0.0.string == rs + "binding" }) {
            var row: Solution = [:]
            for (p, o) in pos where p.string == rs + "binding" {
                guard let b = o.subject, let bp = by[b],
                      let v = bp.first(where: { $0.0.string == rs + "variable" })?.1.literal?.lexicalForm,
                      let value = bp.first(where: { $0.0.string == rs + "value" })?.1 else { continue }
                row[v] = value
            }
            let index = pos.first { $0.0.string == rs + "index" }?.1.literal.flatMap { Int($0.lexicalForm) } ?? 0
            rows.append((index, row))
        }
        // A result set with solutions that bind nothing lists them as rs:solution without bindings.
        let empties = sink.triples.filter { $0.predicate.string == rs + "solution" }.compactMap { t -> Int? in
            guard let s = t.object.subject else { return nil }
            return by[s]?.contains { $0.0.string == rs + "binding" } == true ? nil : 1
        }
        rows += empties.map { _ in (0, [:]) }
        return rows.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Equal as sequences (ordered) or multisets, blank nodes matched consistently.
    static func same(_ got: [Solution], _ expected: [Solution], ordered: Bool) -> Bool {
        guard got.count == expected.count else { return false }
        func key(_ row: Solution) -> String {
            row.sorted { $0.key < $1.key }.map { k, v -> String in
                if case .blank = v { return k + "=_" }
                if let n = SPARQLEvaluator.number(v), case .literal(let l) = v { return k + "=\(n.value)^" + l.datatype.string }
                return k + "=" + NTriplesSerializer.string(v)
            }.joined(separator: " ")
        }
        if ordered { return zip(got, expected).allSatisfy { key($0) == key($1) } }
        return got.map(key).sorted() == expected.map(key).sorted()
    }

    @Test func w3cSPARQLQueryTests() throws {
        let all = try Self.cases()
        var passed: [String: Int] = [:], total: [String: Int] = [:], skipped: [String: Int] = [:]
        var report: [String] = []
        for c in all {
            total[c.folder, default: 0] += 1
            if let reason = Self.run(c) {
                if reason.hasPrefix("skipped") { skipped[c.folder, default: 0] += 1 }
                report.append("  \(c.folder)/\(c.name): \(reason)")
            } else {
                passed[c.folder, default: 0] += 1
            }
        }
        var lines = ["W3C SPARQL 1.1 tests:"]
        for f in total.keys.sorted() {
            lines.append("  \(f): \(passed[f, default: 0]) of \(total[f]!) passed\(skipped[f].map { ", \($0) skipped" } ?? "")")
        }
        let sum = passed.values.reduce(0, +)
        lines.append("  all: \(sum) of \(all.count) passed")
        print((lines + ["not passed:"] + report).joined(separator: "\n"))
        #expect(all.count > 600)
        // Every test passes but those skipped by design (named graphs; DESCRIBE would be refused too).
        let failed = report.filter { !$0.contains(": skipped: ") }
        #expect(failed.isEmpty, "W3C SPARQL tests failing:\n\(failed.joined(separator: "\n"))")
        #expect(sum + skipped.values.reduce(0, +) == all.count)
    }
}
