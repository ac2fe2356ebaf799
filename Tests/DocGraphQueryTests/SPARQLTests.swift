import DocGraphModel
import Foundation
import DocGraphRDF
import Testing
@testable import DocGraphQuery

/// SPARQL on a small graph of an invented city: each feature on a query a user would write.
struct SPARQLTests {
    static let data = """
        @prefix dg: <https://w3id.org/docgraph/ontology#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix : <http://example.org/> .
        :congress a dg:Organization ; skos:prefLabel "杭州市人大常委会"@zh-Hans ; dg:enacted :law1, :law2 ; dg:oversees :gov .
        :party a dg:Organization ; skos:prefLabel "杭州市委"@zh-Hans ; dg:leads :congress .
        :gov a dg:Organization ; skos:prefLabel "杭州市人民政府"@zh-Hans .
        :law1 a dg:Regulation ; skos:prefLabel "《杭州市河道管理条例》"@zh-Hans ; :year 2023 .
        :law2 a dg:Regulation ; skos:prefLabel "《杭州市养犬管理办法》"@zh-Hans ; :year 2021 .
        :wang a dg:Person ; skos:prefLabel "王明" ; dg:holdsPosition :party .
        """

    func run(_ query: String) throws -> SPARQLResult {
        var sink = TripleCollector()
        try TurtleParser(source: "d.ttl").parse(Self.data, into: &sink)
        var e = SPARQLEvaluator(store: TripleStore(sink.triples))
        return e.run(try SPARQLParser.parse("""
            PREFIX dg: <https://w3id.org/docgraph/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX : <http://example.org/>
            """ + query))
    }

    func rows(_ query: String) throws -> [[String]] {
        try run(query).table().textRows
    }

    @Test func joinsFiltersAndOrder() throws {
        #expect(try rows("SELECT ?name WHERE { ?o dg:enacted ?l . ?l skos:prefLabel ?name ; :year ?y FILTER(?y > 2022) }") == [["《杭州市河道管理条例》"]])
        #expect(try rows("SELECT ?y WHERE { ?l :year ?y } ORDER BY DESC(?y)") == [["2023"], ["2021"]])
    }

    @Test func optionalUnionMinusAndBind() throws {
        #expect(try rows("SELECT ?n ?p WHERE { ?o a dg:Organization ; skos:prefLabel ?n OPTIONAL { ?o dg:leads ?p } } ORDER BY ?n").map { $0[1].isEmpty } == [true, true, false])
        #expect(try rows("SELECT ?x WHERE { { ?x a dg:Person } UNION { ?x dg:leads ?y } } ORDER BY ?x").count == 2)
        #expect(try rows("SELECT ?o WHERE { ?o a dg:Organization MINUS { ?o dg:enacted ?l } }").count == 2)
        #expect(try rows("SELECT ?d WHERE { :law1 :year ?y BIND(?y + 1 AS ?d) }") == [["2024"]])
    }

    @Test func pathsAndAggregates() throws {
        // Who leads a body that enacted something, via a path.
        #expect(try rows("SELECT ?l WHERE { :wang dg:holdsPosition/dg:leads/dg:enacted ?l } ORDER BY ?l") == [["<http://example.org/law1>"], ["<http://example.org/law2>"]])
        #expect(try rows("SELECT ?x WHERE { :law1 ^dg:enacted/^dg:leads ?x }") == [["<http://example.org/party>"]])
        #expect(try rows("SELECT (COUNT(?l) AS ?n) WHERE { ?o dg:enacted ?l } GROUP BY ?o") == [["2"]])
        #expect(try rows("SELECT ?t (COUNT(*) AS ?n) WHERE { ?x a ?t } GROUP BY ?t HAVING (COUNT(*) > 1) ORDER BY ?n").count == 2)
        #expect(try rows("SELECT (GROUP_CONCAT(?y; SEPARATOR=\",\") AS ?all) WHERE { ?l :year ?y }").first?.first?.split(separator: ",").count == 2)
    }

    @Test func aGroupedPathAfterAnIRISubjectIsAPathNotAFunctionCall() throws {
        #expect(try rows("SELECT ?x WHERE { :party (dg:leads|dg:oversees)+ ?x } ORDER BY ?x")
            == [["<http://example.org/congress>"], ["<http://example.org/gov>"]])
    }

    @Test func castsFollowTheSPARQLCastTable() throws {
        let q = """
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            SELECT (xsd:integer("42") AS ?i) (xsd:double(?y) AS ?d) (xsd:boolean("1") AS ?b) (xsd:string(:law1) AS ?s)
                   (xsd:integer(2.7) AS ?t) (xsd:integer("x") AS ?bad)
            WHERE { :law1 :year ?y }
            """
        #expect(try rows(q) == [["42", "2023.0", "true", "http://example.org/law1", "2", ""]])
    }

    @Test func variablesNothingReadsAreMatchedButNotBound() throws {
        let count = try SPARQLParser.parse("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")
        #expect(count.unusedVariables == ["s", "o"])
        // A subject written once but repeated by `;` joins two patterns; SELECT * shows everything.
        #expect(try SPARQLParser.parse("SELECT ?n WHERE { ?x a ?t ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?n }").unusedVariables == ["t"])
        #expect(try SPARQLParser.parse("SELECT * WHERE { ?s ?p ?o }").unusedVariables.isEmpty)
        // Solutions keep their number: every triple still counts once.
        #expect(try rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [["19"]])
        #expect(try rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(BOUND(?s) && BOUND(?o)) }") == [["19"]])
        #expect(try rows("SELECT ?t (COUNT(*) AS ?n) WHERE { ?x a ?t ; skos:prefLabel ?l } GROUP BY ?t ORDER BY ?n") == [
            ["<https://w3id.org/docgraph/ontology#Person>", "1"], ["<https://w3id.org/docgraph/ontology#Regulation>", "2"],
            ["<https://w3id.org/docgraph/ontology#Organization>", "3"]])
    }

    @Test func booleansAndDateTimesCompareByValue() throws {
        let q = """
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            SELECT ?a ?b ?c ?d WHERE {
              BIND("1"^^xsd:boolean = "true"^^xsd:boolean AS ?a)
              BIND("2002-04-02T23:00:00-04:00"^^xsd:dateTime = "2002-04-03T02:00:00-01:00"^^xsd:dateTime AS ?b)
              BIND("1999-12-31T24:00:00"^^xsd:dateTime = "2000-01-01T00:00:00"^^xsd:dateTime AS ?c)
              BIND("2024-01-02T00:00:00Z"^^xsd:dateTime < "2024-01-01T23:00:00-02:00"^^xsd:dateTime AS ?d)
            }
            """
        #expect(try rows(q) == [["true", "true", "true", "true"]])
    }

    /// Found by fuzzing: an error on a line after "\r\n" lines, long and not UTF-8, made the
    /// excerpt's window run backwards. Now the excerpt is the line, cut around the column.
    @Test func errorsAfterCRLFLinesShowTheirLine() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hostile/sparql-crlf-long-line.rq").path
        let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        do {
            _ = try SPARQLParser.parse(text)
            Issue.record("accepted")
        } catch {
            #expect(error.line == 3)
            #expect(error.excerpt.split(separator: "\n").allSatisfy { $0.unicodeScalars.count <= 130 })
        }
        do {
            _ = try SPARQLParser.parse("SELECT ?x\r\nWHERE { ?x ?y }")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "2:15: error: expected an expression, found '}'\n  WHERE { ?x ?y }\n                ^")
        }
    }

    @Test func anUnknownFunctionIsRefusedByName() throws {
        #expect(try SPARQLParser.parse("SELECT ?x WHERE { ?x ?p ?o FILTER(<http://example.org/f>(?o)) }").unsupported
            == ["the function <http://example.org/f>"])
    }

    @Test func askAndConstruct() throws {
        guard case .boolean(true) = try run("ASK { :party dg:leads :congress }") else { Issue.record("ASK"); return }
        guard case .graph(let g) = try run("CONSTRUCT { ?b dg:ledBy ?a } WHERE { ?a dg:leads ?b }") else { Issue.record("CONSTRUCT"); return }
        #expect(g.count == 1)
    }

    @Test func syntaxErrorsPointAtTheToken() throws {
        do {
            _ = try SPARQLParser.parse("SELECT ?x WHERE {\n  ?x <http://e/p> ?y .\n  FILTER(?y > )\n}")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 3 && error.column == 15)
            #expect(error.description == "3:15: error: expected an expression, found ')'\n    FILTER(?y > )\n                ^")
        }
        #expect(throws: SPARQLSyntaxError.self) { try SPARQLParser.parse("SELECT ?x WHERE { ?x ex:p ?y }") }
        // Named graphs parse, and are refused by name rather than answered wrongly.
        #expect(try SPARQLParser.parse("SELECT ?x WHERE { GRAPH ?g { ?x ?p ?o } }").unsupported == ["GRAPH (a DocGraph file holds one graph)"])
    }

    @Test func languageTagsMatchInAnyCaseAndKeepTheirSpelling() throws {
        // The data writes zh-Hans; a query may write it in lower or upper case.
        for tag in ["zh-Hans", "zh-hans", "ZH-HANS"] {
            #expect(try rows("SELECT ?o WHERE { ?o skos:prefLabel \"杭州市委\"@\(tag) }") == [["<http://example.org/party>"]])
        }
        guard case .solutions(_, let found) = try run("SELECT ?l WHERE { :party skos:prefLabel ?l }"),
              case .literal(let label)? = found.first?["l"] else { Issue.record("no label"); return }
        #expect(label.language == "zh-Hans")
    }

    @Test func filtersInsideOptionalAreScopedToTheirGroup() throws {
        // FILTERs of the optional group itself are its condition: they see the outer ?y.
        #expect(try rows("SELECT ?l ?y WHERE { ?l :year ?y OPTIONAL { ?o dg:enacted ?l FILTER(?y > 2022) FILTER(bound(?o)) } } ORDER BY ?y")
            .map { $0[1] } == ["2021", "2023"])
        #expect(try rows("SELECT ?o WHERE { ?l :year ?y OPTIONAL { ?o dg:enacted ?l FILTER(?y > 2022) FILTER(bound(?o)) } } ORDER BY ?o")
            .map { $0[0] } == ["", "<http://example.org/congress>"])
        // A FILTER in a group nested inside the optional one sees only that group: ?y is unbound there.
        #expect(try rows("SELECT ?o WHERE { ?l :year ?y OPTIONAL { { ?o dg:enacted ?l FILTER(?y > 2022) } } }")
            .map { $0[0] } == ["", ""])
    }

    @Test func limitAndAskStopEarlyWithTheSameAnswers() throws {
        // A basic pattern stops at OFFSET + LIMIT solutions, or at one for ASK: the same rows as slicing them all.
        let all = try rows("SELECT ?s ?o WHERE { ?s ?p ?o }")
        #expect(all.count > 10)
        #expect(try rows("SELECT ?s ?o WHERE { ?s ?p ?o } LIMIT 3") == Array(all.prefix(3)))
        #expect(try rows("SELECT ?s ?o WHERE { ?s ?p ?o } OFFSET 4 LIMIT 3") == Array(all.dropFirst(4).prefix(3)))
        #expect(try rows("SELECT ?s WHERE { ?s a dg:Person ; ?p ?o } LIMIT 100").count == 3)
        guard case .boolean(let yes) = try run("ASK { ?o dg:enacted ?l }"), case .boolean(let no) = try run("ASK { :law1 dg:enacted ?o }") else {
            Issue.record("ASK gave no truth value"); return
        }
        #expect(yes && !no)
        // With VALUES after the query the first match may not be the one that survives.
        guard case .boolean(let late) = try run("ASK { ?o dg:enacted ?l } VALUES ?l { :law2 }") else { Issue.record("no truth value"); return }
        #expect(late)
    }
}
