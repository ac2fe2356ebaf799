import ArgumentParser
import DocGraphExport
import DocGraphModel
import DocGraphRDF

/// `docgraph export`: a graph as files a graph database loads.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a graph for a graph database: an openCypher script, Neo4j import CSVs, or Kùzu files.",
        discussion: """
        The property graph GraphML shows: documents, entities (label = class) and relation ends as nodes \
        with iri, name, aliases and documents; relations as relationships (ENACTED, …) with iri, role, \
        confidence, evidence sentences and documents.

        --to cypher -o FILE.cypher: index statements, then UNWIND batches of MERGE; running it twice \
        changes nothing. --dialect (neo4j, memgraph or falkordb) spells the index statements.

        --to neo4j -o DIR: CSV files for neo4j-admin database import full, and DIR/import.sh that runs it.

        --to kuzu -o DIR: DIR/schema.cypher, the CSV files and DIR/load.cypher (COPY FROM), to run in DIR.

        Outputs are written atomically; a folder is replaced only if it holds nothing but an earlier export.

        Example:
          docgraph export graph.rdf --to cypher -o graph.cypher
        """)

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case cypher, neo4j, kuzu
    }

    @Argument(help: "The graph (.rdf, .graphml, .nt or .ttl).")
    var graph: String

    @Option(help: "What to write: cypher, neo4j or kuzu.")
    var to: Target

    @Option(name: .shortAndLong, help: "The .cypher file, or the folder for neo4j and kuzu.")
    var output: String

    @Option(help: "The Cypher dialect of the index statements: neo4j, memgraph or falkordb.")
    var dialect: CypherScriptWriter.Dialect = .neo4j

    @Option(help: "Base IRI for relative IRIs in RDF/XML input.")
    var base: String?

    func validate() throws {
        _ = try GraphFormat.of(graph)
        if to != .cypher && dialect != .neo4j { throw ValidationError("--dialect applies to --to cypher only") }
    }

    func run() throws {
        try reportingFailures {
            try requireReadable(graph)
            let view = PropertyGraph(try GraphFiles.readGraph(graph, base: base))
            var replaced = 0
            switch to {
            case .cypher:
                try AtomicOutput.write(to: output) { tmp in
                    var w = CypherScriptWriter(dialect: dialect)
                    try w.write(view, to: ByteOutput(path: tmp))
                    replaced = w.replacedCharacters
                }
            case .neo4j:
                try AtomicFolder.write(to: output, mayReplace: Self.isNeo4jExportFile) { dir in
                    var w = Neo4jImportWriter()
                    try w.write(view, toDirectory: dir)
                    replaced = w.replacedCharacters
                }
            case .kuzu:
                try AtomicFolder.write(to: output, mayReplace: Self.isKuzuExportFile) { dir in
                    var w = KuzuWriter()
                    try w.write(view, toDirectory: dir)
                    replaced = w.replacedCharacters
                }
            }
            if replaced > 0 {
                printError("\(output): warning: \(replaced) character(s) no database keeps (NUL, or U+001F in a list) were written as U+FFFD")
            }
        }
    }

    static func isNeo4jExportFile(_ name: String) -> Bool {
        name == "import.sh" || (name.hasSuffix(".csv") && (name.hasPrefix("nodes-") || name.hasPrefix("relationships-")))
    }

    static func isKuzuExportFile(_ name: String) -> Bool {
        name == "schema.cypher" || name == "load.cypher"
            || (name.hasSuffix(".csv") && (name.hasPrefix("nodes-") || name.hasPrefix("relationships-")))
    }
}

extension CypherScriptWriter.Dialect: ExpressibleByArgument {}
