import DocGraphExtract
import DocGraphGraphML
import DocGraphIngest
import DocGraphModel
import DocGraphOntology
import DocGraphQuery
import DocGraphRDF
import Foundation

/// The readers a fuzzer drives, each from raw bytes as a hostile file would
/// arrive. Errors are the expected answer to garbage and are dropped; what
/// the fuzzer looks for is a crash, a sanitizer report, a hang or runaway
/// memory.
enum Harness: String, CaseIterable {
    case rdfxml, graphml, ntriples, turtle, sparql, text, markdown, pdf

    func run(_ bytes: [UInt8]) {
        switch self {
        case .rdfxml:
            var sink = TripleCollector()
            try? RDFXMLParser(base: "file:///fuzz/input.rdf").parse(bytes: bytes, source: "input.rdf", into: &sink)
        case .graphml:
            _ = try? GraphMLReader.read(bytes: bytes, source: "input.graphml")
        case .ntriples:
            var sink = TripleCollector()
            try? NTriplesParser(source: "input.nt").parse(String(decoding: bytes, as: UTF8.self), into: &sink)
        case .turtle:
            var sink = TripleCollector()
            try? TurtleParser(source: "input.ttl", base: "file:///fuzz/input.ttl").parse(bytes: bytes, into: &sink)
        case .sparql:
            // Parsed, and when it parses, evaluated on a small graph: the
            // evaluator must survive whatever the parser accepts.
            guard let query = try? SPARQLParser.parse(String(decoding: bytes, as: UTF8.self)),
                  query.unsupported.isEmpty else { return }
            var evaluator = SPARQLEvaluator(store: Self.smallGraph)
            let result = evaluator.run(query)
            _ = result.json()
        case .text:
            // Any document format: the reader tells text, HTML and DOCX apart by content.
            guard let doc = try? DocumentReader().read(bytes: bytes, id: "input", location: "input") else { return }
            _ = Self.extractor.extract(doc)
        case .markdown:
            // Markdown is chosen by the file's extension, which the `text` harness never gives.
            guard let doc = try? DocumentReader().read(bytes: bytes, id: "input", location: "input.md") else { return }
            _ = Self.extractor.extract(doc)
        case .pdf:
            // Poppler on hostile bytes, and the page assembly after it. OCR is off: each page drawn
            // and recognised would take seconds, and the fuzzer wants thousands of inputs a second.
            let reader = DocumentReader(paged: PagedReading(ocr: .never))
            guard let doc = try? reader.read(bytes: bytes, id: "input", location: "input.pdf") else { return }
            _ = Self.extractor.extract(doc)
        }
    }

    /// A few triples of every term kind, for SPARQL queries to run on.
    static let smallGraph: TripleStore = {
        var sink = TripleCollector()
        try! TurtleParser(source: "small.ttl").parse("""
            @prefix dg: <https://w3id.org/docgraph/ontology#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix : <http://example.org/> .
            :a a dg:Organization ; skos:prefLabel "杭州市人大常委会"@zh-Hans, "Congress"@en ; dg:oversees :b ; :n 1, 2.5, 3e0 .
            :b a dg:Organization ; dg:reportsTo :a ; :when "2024-01-02T03:04:05Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
            :c a dg:Person ; skos:prefLabel "王明" ; dg:holdsPosition :a ; :flag true ; :x [ :y :a ] .
            """, into: &sink)
        return TripleStore(sink.triples)
    }()

    /// The project's rules, loaded once.
    static let extractor: Extractor = {
        guard let dir = OntologyLocator.locate(explicit: nil),
              let rules = try? ExtractionRules.load(directory: dir) else {
            fatalError("docgraph-fuzz: cannot find the Ontology folder (set DOCGRAPH_ONTOLOGY)")
        }
        return Extractor(rules: rules)
    }()
}
