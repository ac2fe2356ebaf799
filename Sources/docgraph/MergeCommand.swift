import ArgumentParser
import DocGraphModel

/// `docgraph merge`: graphs extracted apart, made into the graph of one run.
///
/// Each shard is read into a ``KnowledgeGraph`` and merged with
/// ``KnowledgeGraph/merge(_:)``, the very step that joins the workers' graphs
/// of one `extract` run: entities by IRI with their names and documents
/// unioned, facts by key with their evidence unioned and the highest
/// confidence. Shards of one collection, listed with `docgraph documents`,
/// so merge into the graph a single run over all of it writes.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge graphs extracted apart into one, as one extract run would have written it.",
        discussion: """
        Identical triples become one; an entity's names and documents, and a fact's evidence, are unions; \
        a fact's confidence is the highest any shard gives. Shards are read one at a time, in any format.

        Example:
          docgraph merge shard-*.nt -o graph.nt -o graph.graphml
        """)

    @Argument(help: "The graphs to merge (.rdf, .graphml, .nt or .ttl).")
    var shards: [String] = []

    @Option(name: [.short, .customLong("output")], help: "An output file (.rdf, .graphml, .nt or .ttl); repeat for several.")
    var outputs: [String] = []

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give the graphs to merge") }
        if outputs.isEmpty { throw ValidationError("give at least one output file with -o") }
        for path in shards + outputs { _ = try GraphFormat.of(path) }
    }

    func run() throws {
        try reportingFailures {
            try AtomicOutput.checkFolders(outputs)   // before the graphs are read, not after
            var graph = KnowledgeGraph()
            for shard in shards { graph.merge(try GraphFiles.readGraph(shard)) }
            try GraphFiles.write(graph, to: outputs)
        }
    }
}
