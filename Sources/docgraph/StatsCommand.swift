import ArgumentParser
import DocGraphModel
import DocGraphRDF

/// `docgraph stats`: what a graph holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count a graph's triples, entities by class and relations by predicate.")

    @Argument(help: "The graph (.rdf, .graphml, .nt or .ttl).")
    var graph: String

    @Option(help: "Base IRI for relative IRIs in RDF/XML input.")
    var base: String?

    func validate() throws { _ = try GraphFormat.of(graph) }

    func run() throws {
        try reportingFailures {
            let g = try GraphFiles.readGraph(graph, base: base)
            var classes: [String: Int] = [:]
            for e in g.entities.values { classes[e.type.displayName, default: 0] += 1 }
            var predicates: [String: (edges: Int, evidence: Int)] = [:]
            for r in g.relations.values {
                let name = r.predicate.displayName
                predicates[name, default: (0, 0)].edges += 1
                predicates[name, default: (0, 0)].evidence += r.evidenceCount
            }
            print("documents\t\(g.documents.count)")
            print("entities\t\(g.entities.count)")
            for (c, n) in classes.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) { print("  \(c)\t\(n)") }
            print("relations\t\(g.relations.count)")
            for (p, n) in predicates.sorted(by: { ($1.value.edges, $0.key) < ($0.value.edges, $1.key) }) {
                print("  \(p)\t\(n.edges)\t(\(n.evidence) evidence)")
            }
            print("triples\t\(g.triples.count)")
        }
    }
}
