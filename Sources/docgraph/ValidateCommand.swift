import ArgumentParser
import DocGraphModel
import DocGraphOntology
import DocGraphRDF
import DocGraphXML

/// `docgraph validate`: is this graph well-formed and within the ontology?
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a graph: well-formedness, the GraphML schema, and conformance to the ontology.",
        discussion: "Exits 0 when no error is found (warnings allowed), 1 otherwise.")

    @Argument(help: "The graph (.rdf, .graphml, .nt or .ttl).")
    var graph: String

    @Option(help: "The ontology folder. Default: ./Ontology or the one beside the program.")
    var ontology: String?

    @Option(help: "Base IRI for relative IRIs in RDF/XML input.")
    var base: String?

    func validate() throws { _ = try GraphFormat.of(graph) }

    func run() throws {
        try reportingFailures {
            let dir = try ontologyFolder(ontology)
            let onto = try Ontology.load(path: dir + "/" + OntologyLocator.ontologyFile)
            var errors = 0
            if try GraphFormat.of(graph) == .graphML {
                try requireReadable(graph)
                let validator = try XMLSchemaValidator(schemaPath: dir + "/schemas/graphml/graphml.xsd")
                for e in validator.validate(path: graph) {
                    print(e.description)
                    errors += 1
                }
            }
            let validator = OntologyValidator(ontology: onto)
            let g: KnowledgeGraph
            let issues: [ValidationIssue]
            if try GraphFormat.of(graph) == .graphML {
                g = try GraphFiles.readGraph(graph)
                issues = validator.validate(graph: g)
            } else {
                var sink = TripleCollector()
                try GraphFiles.streamTriples(graph, format: GraphFormat.of(graph), base: base, into: &sink)
                g = KnowledgeGraph(triples: sink.triples)
                issues = validator.validate(triples: sink.triples) + validator.checkDomainsAndRanges(g)
            }
            for issue in issues {
                print("\(graph): \(issue)")
                if issue.severity == .error { errors += 1 }
            }
            if errors > 0 { throw CLIError(graph, "\(errors) error(s)") }
            print("\(graph): valid (\(g.entities.count) entities, \(g.relations.count) relations)")
        }
    }
}
