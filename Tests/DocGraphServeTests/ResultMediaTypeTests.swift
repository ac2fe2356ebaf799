import Testing
@testable import DocGraphServe

/// Content negotiation: the client's weights decide, the most specific range wins, the order of
/// ``ResultMediaType`` breaks ties, and a client that accepts nothing fitting gets nil (a 406).
struct ResultMediaTypeTests {
    @Test(arguments: [
        (nil, false, ResultMediaType.sparqlJSON),
        ("", false, .sparqlJSON),
        ("*/*", false, .sparqlJSON),
        ("*/*", true, .turtle),
        ("application/sparql-results+xml", false, .sparqlXML),
        ("application/sparql-results+json,application/json,text/javascript,application/javascript", false, .sparqlJSON),
        ("text/csv", false, .csv),
        ("text/tab-separated-values", false, .tsv),
        ("application/sparql-results+xml;q=0.5, text/csv", false, .csv),
        ("text/*;q=0.2, application/sparql-results+xml;q=0.3", false, .sparqlXML),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", false, .sparqlXML),
        ("application/n-triples", true, .nTriples),
        ("application/rdf+xml", true, .rdfXML),
        ("text/turtle;q=0.1, application/n-triples;q=0.9", true, .nTriples),
        ("application/rdf+xml, text/rdf+n3, text/turtle;q=0.9", true, .rdfXML),
    ] as [(String?, Bool, ResultMediaType)])
    func chosenType(accept: String?, graph: Bool, expected: ResultMediaType) {
        #expect(ResultMediaType.negotiate(accept: accept, graph: graph) == expected)
    }

    @Test(arguments: [
        ("image/png", false),
        ("text/turtle", false),
        ("application/sparql-results+json", true),
        ("application/sparql-results+json;q=0", false),
    ])
    func nothingAcceptable(accept: String, graph: Bool) {
        #expect(ResultMediaType.negotiate(accept: accept, graph: graph) == nil)
    }
}
