import DocGraphModel
import DocGraphQuery
import Foundation
import Testing
@testable import DocGraphServe

/// `/sparql` end to end below HTTP: the answer's status, type and body for each kind of request, and the
/// limits that keep the server up (a runaway query stopped at its deadline while others are answered,
/// too many solutions, too many queries at once).
struct SPARQLEndpointTests {
    static let ex = "http://example.org/"

    /// A chain of `n` nodes: each knows the next, and has a name.
    static func chain(_ n: Int) -> TripleStore {
        var triples: [Triple] = []
        for k in 0..<n {
            let s = Subject.iri(IRI(unchecked: ex + "n\(k)"))
            triples.append(Triple(s, IRI(unchecked: ex + "next"), .iri(IRI(unchecked: ex + "n\(k + 1)"))))
            triples.append(Triple(s, IRI(unchecked: ex + "name"), .literal(Literal("节点\(k)", language: "zh"))))
        }
        return TripleStore(triples)
    }

    static func endpoint(_ store: TripleStore, _ limits: ServerLimits = ServerLimits()) throws -> SPARQLEndpoint {
        SPARQLEndpoint(graph: try ServedGraph(load: { store }), runner: QueryRunner(limits: limits))
    }

    static func text(_ a: SPARQLEndpoint.Answer) -> String { String(decoding: a.body, as: UTF8.self) }

    /// A query that never ends in practice and holds no solution while it runs: every pair of
    /// triples, then a triple whose subject is its own object (there is none).
    static let endless = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?x ?y ?x }"

    @Test func selectAnswersInTheNegotiatedFormat() async throws {
        let e = try Self.endpoint(Self.chain(3))
        let q = ProtocolRequest(query: "SELECT ?name WHERE { <\(Self.ex)n1> <\(Self.ex)name> ?name }")
        let json = await e.answer(q, accept: nil)
        #expect(json.status == 200)
        #expect(json.contentType == "application/sparql-results+json; charset=utf-8")
        #expect(Self.text(json).contains(#"{"type":"literal","value":"节点1","xml:lang":"zh"}"#))
        let xml = await e.answer(q, accept: "application/sparql-results+xml")
        #expect(Self.text(xml).contains(#"<binding name="name"><literal xml:lang="zh">节点1</literal></binding>"#))
        let tsv = await e.answer(q, accept: "text/tab-separated-values")
        #expect(Self.text(tsv) == "?name\n\"节点1\"@zh\n")
        let csv = await e.answer(q, accept: "text/csv")
        #expect(Self.text(csv) == "name\r\n节点1\r\n")
    }

    @Test func constructAnswersInAnRDFFormat() async throws {
        let e = try Self.endpoint(Self.chain(2))
        let q = ProtocolRequest(query: "CONSTRUCT { ?b <\(Self.ex)prev> ?a } WHERE { ?a <\(Self.ex)next> ?b }")
        let nt = await e.answer(q, accept: "application/n-triples")
        #expect(nt.contentType == "application/n-triples; charset=utf-8")
        #expect(Self.text(nt) == "<\(Self.ex)n1> <\(Self.ex)prev> <\(Self.ex)n0> .\n<\(Self.ex)n2> <\(Self.ex)prev> <\(Self.ex)n1> .\n")
        let rdf = await e.answer(q, accept: "application/rdf+xml")
        #expect(Self.text(rdf).contains("rdf:RDF"))
        let none = await e.answer(q, accept: "application/sparql-results+json")
        #expect(none.status == 406)
    }

    @Test func aSyntaxErrorIsA400WithTheCaret() async throws {
        let e = try Self.endpoint(Self.chain(1))
        let a = await e.answer(ProtocolRequest(query: "SELECT ?x WHERE { ?x ?y }"), accept: nil)
        #expect(a.status == 400)
        #expect(Self.text(a).hasPrefix("query:1:"))
        #expect(Self.text(a).contains(": error: "))
        #expect(Self.text(a).contains("^"))
    }

    @Test func anUpdateIsRefusedAsReadOnly() async throws {
        let e = try Self.endpoint(Self.chain(1))
        let a = await e.answer(ProtocolRequest(query: "INSERT DATA { <a> <b> <c> }"), accept: nil)
        #expect(a.status == 403)
        #expect(Self.text(a).contains("read-only"))
    }

    @Test func anUnsupportedFeatureIsNamed() async throws {
        let e = try Self.endpoint(Self.chain(1))
        let a = await e.answer(ProtocolRequest(query: "DESCRIBE <\(Self.ex)n0>"), accept: nil)
        #expect(a.status == 400)
        #expect(Self.text(a).contains("not supported: DESCRIBE"))
    }

    @Test func aRunawayQueryIsStoppedAtItsDeadlineWhileAnotherIsAnswered() async throws {
        let e = try Self.endpoint(Self.chain(1500), ServerLimits(timeout: .seconds(3)))
        let clock = ContinuousClock()
        let start = clock.now
        async let slow = e.answer(ProtocolRequest(query: Self.endless), accept: nil)
        try await Task.sleep(for: .milliseconds(200))
        let quick = await e.answer(ProtocolRequest(query: "ASK { <\(Self.ex)n5> <\(Self.ex)next> ?x }"), accept: nil)
        let quickAt = clock.now - start
        #expect(quick.status == 200)
        #expect(Self.text(quick).contains("true"))
        let stopped = await slow
        let stoppedAt = clock.now - start
        #expect(stopped.status == 503)
        #expect(Self.text(stopped) == "the query was stopped after 3 s (--timeout)\n")
        #expect(stoppedAt >= .seconds(3))
        // How soon the answers arrive also depends on the other suites running on the same two cores
        // (a synchronous test holds a cooperative thread); scripts/serve-test.sh times the real server.
        _ = quickAt
    }

    @Test func theDeadlineStopsTheWorkOnItsOwnThread() async throws {
        let runner = QueryRunner(limits: ServerLimits(timeout: .milliseconds(500)))
        let start = ContinuousClock.now
        // The work itself notes when it saw the flag: a time no busy cooperative thread can delay.
        let sawFlagAt = try await runner.run { token in
            while !token.isCancelled { usleep(1000) }
            return ContinuousClock.now
        }
        #expect(sawFlagAt - start >= .milliseconds(500))
        #expect(sawFlagAt - start < .seconds(3))
    }

    @Test func aQueryHoldingTooManySolutionsIsStopped() async throws {
        let e = try Self.endpoint(Self.chain(200), ServerLimits(maximumRows: 1000))
        let a = await e.answer(ProtocolRequest(query: "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"), accept: nil)
        #expect(a.status == 503)
        #expect(Self.text(a).contains("more than 1000 solutions (--max-rows)"))
        // Within the cap the same kind of query is answered.
        let b = await e.answer(ProtocolRequest(query: "SELECT * WHERE { ?a <\(Self.ex)next> ?c }"), accept: "text/csv")
        #expect(b.status == 200)
        #expect(Self.text(b).split(separator: "\r\n").count == 201)
    }

    @Test func queriesBeyondTheBoundGet503AtOnce() async throws {
        let e = try Self.endpoint(Self.chain(1500), ServerLimits(timeout: .seconds(2), maximumConcurrentQueries: 1))
        async let slow = e.answer(ProtocolRequest(query: Self.endless), accept: nil)
        try await Task.sleep(for: .milliseconds(300))
        let refused = await e.answer(ProtocolRequest(query: "ASK {}"), accept: nil)
        #expect(refused.status == 503)
        #expect(refused.headers.contains { $0.name == "Retry-After" })
        #expect(Self.text(refused).hasPrefix("busy:"))
        _ = await slow
        let after = await e.answer(ProtocolRequest(query: "ASK {}"), accept: nil)
        #expect(after.status == 200)
    }
}
