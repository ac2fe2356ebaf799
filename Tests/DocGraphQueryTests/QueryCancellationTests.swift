import DocGraphModel
import Foundation
import Testing
@testable import DocGraphQuery

/// Stopping an evaluation from outside, and the cap on the solutions one step may hold.
struct QueryCancellationTests {
    static let store: TripleStore = {
        var triples: [Triple] = []
        for k in 0..<1000 {
            triples.append(Triple(.iri(IRI(unchecked: "http://example.org/n\(k)")), IRI(unchecked: "http://example.org/next"),
                                  .iri(IRI(unchecked: "http://example.org/n\(k + 1)"))))
        }
        return TripleStore(triples)
    }()

    @Test func aFlagRaisedFromAnotherThreadStopsAnEndlessQuery() throws {
        // A billion combinations, none of which ends in a self-loop: no solution, no end in sight.
        let query = try SPARQLParser.parse("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?x ?y ?x }")
        let token = QueryCancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { token.cancel() }
        let start = ContinuousClock.now
        var evaluator = SPARQLEvaluator(store: Self.store)
        #expect(throws: QueryCancellation.Stopped(reason: .requested)) { try evaluator.run(query, stoppingWhen: token) }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func aStepHoldingMoreSolutionsThanTheCapStopsTheQuery() throws {
        let query = try SPARQLParser.parse("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }")
        var evaluator = SPARQLEvaluator(store: Self.store)
        #expect(throws: QueryCancellation.Stopped(reason: .tooManySolutions)) {
            try evaluator.run(query, stoppingWhen: QueryCancellation(maximumSolutions: 10_000))
        }
        // Under the cap the same query is answered, as without one.
        let small = try SPARQLParser.parse("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c }")
        let result = try evaluator.run(small, stoppingWhen: QueryCancellation(maximumSolutions: 10_000))
        guard case .solutions(_, let rows) = result else { Issue.record("not solutions"); return }
        #expect(rows.first?["n"] == .literal(Literal("1000", datatype: XSD.integer)))
    }
}
