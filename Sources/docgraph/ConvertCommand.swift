import ArgumentParser
import DocGraphGraphML
import DocGraphModel
import DocGraphRDF

/// `docgraph convert`: one graph format to another.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a graph between RDF/XML, GraphML, N-Triples and Turtle.",
        discussion: """
        Conversion streams triple by triple and keeps every well-formed triple whatever its vocabulary: between \
        RDF formats (.rdf, .nt, .ttl) in constant memory; to GraphML in memory that grows with the nodes, not the \
        edges. GraphML written from RDF is its RDF view: resources become nodes (their IRI in `iri`), links \
        become edges (their predicate in `predicate`) and literals become node data under keys that name the \
        predicate, datatype and language, so converting back gives the same graph.

        With --property-graph it is the view `docgraph extract` writes for Gephi, yEd, Cytoscape and Neo4j \
        instead: entities with names and types, relations with confidence and evidence (read into memory \
        whole). GraphML written that way, or by other tools, reads as the property graph it describes.

        Examples:
          docgraph convert big.nt big.rdf
          docgraph convert report.rdf report.ttl
        """)

    @Argument(help: "The graph to read (.rdf, .graphml, .nt or .ttl).")
    var input: String

    @Argument(help: "The file to write (.rdf, .graphml, .nt or .ttl); written atomically.")
    var output: String

    @Option(help: "Base IRI for relative IRIs in RDF/XML input (default: the input file's file:// IRI).")
    var base: String?

    @Flag(help: "Write GraphML as the property graph of entities and relations (as `extract` does), not the RDF view.")
    var propertyGraph = false

    func validate() throws {
        _ = try GraphFormat.of(input)
        if try GraphFormat.of(output) != .graphML && propertyGraph {
            throw ValidationError("--property-graph applies to a .graphml output only")
        }
        if let base, !IRI.isAbsolute(base) { throw ValidationError("--base must be an absolute IRI, not '\(base)'") }
    }

    func run() throws {
        try reportingFailures {
            let from = try GraphFormat.of(input), to = try GraphFormat.of(output)
            try requireReadable(input)
            if propertyGraph {
                try GraphFiles.write(GraphFiles.readGraph(input, base: base), to: output)
                return
            }
            var replaced = 0
            try AtomicOutput.write(to: output) { tmp in
                switch to {
                case .rdfXML:
                    var w = try RDFXMLSerializer(path: tmp)
                    try GraphFiles.streamTriples(input, format: from, base: base, into: &w)
                    try w.finish()
                    replaced = w.replacedCharacters
                case .nTriples:
                    var w = NTriplesSerializer(output: try ByteOutput(path: tmp))
                    try GraphFiles.streamTriples(input, format: from, base: base, into: &w)
                    try w.finish()
                case .turtle:
                    var w = TurtleSerializer(output: try ByteOutput(path: tmp))
                    try GraphFiles.streamTriples(input, format: from, base: base, into: &w)
                    try w.finish()
                case .graphML:
                    var w = try GraphMLSerializer(path: tmp)
                    try GraphFiles.streamTriples(input, format: from, base: base, into: &w)
                    try w.finish()
                    replaced = w.replacedCharacters
                }
            }
            if replaced > 0 {
                printError("\(output): warning: \(replaced) character(s) that XML 1.0 cannot carry were written as U+FFFD")
            }
        }
    }
}
