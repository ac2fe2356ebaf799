import DocGraphModel
import DocGraphRDF

/// Writes a ``PropertyGraph`` as an openCypher script for the databases
/// whose schema is made by the data (Neo4j, Memgraph, FalkorDB): index
/// statements first, then nodes and relationships in batches of
/// `UNWIND [...] AS row MERGE ...`.
///
/// The script is idempotent: nodes merge on their label and `iri`,
/// relationships on their type, ends and `iri` (the statement's IRI), and
/// every other property is set, so running it twice, or over an earlier
/// load of the same graph, gives the same graph. Each statement ends at the
/// first line that ends with `;` (strings never hold a raw line break), so
/// a client can split the script line by line.
public struct CypherScriptWriter {
    /// How index statements are spelled; the data statements are the same openCypher for all.
    public enum Dialect: String, CaseIterable, Sendable {
        /// `CREATE CONSTRAINT … IF NOT EXISTS FOR (n:L) REQUIRE n.iri IS UNIQUE` (Neo4j 5).
        case neo4j
        /// `CREATE INDEX ON :L(iri)`.
        case memgraph
        /// `CREATE INDEX FOR (n:L) ON (n.iri)`; FalkorDB has no `IF NOT EXISTS`, so on a second
        /// run these fail with "already indexed" and change nothing.
        case falkordb
    }

    /// How the index statements are spelled.
    public var dialect: Dialect
    /// Rows per `UNWIND` statement.
    public var batchSize: Int
    /// Characters no engine keeps, written as U+FFFD (see ``ExportEscaping``).
    public private(set) var replacedCharacters = 0

    /// A writer for `dialect`, `batchSize` rows to a statement.
    public init(dialect: Dialect = .neo4j, batchSize: Int = 1000) {
        self.dialect = dialect
        self.batchSize = max(1, batchSize)
    }

    /// Writes the script of `graph` to `out` (and closes it).
    public mutating func write(_ graph: PropertyGraph, to out: ByteOutput) throws {
        try out.write("// DocGraph openCypher export (\(dialect.rawValue)): \(graph.nodeCount) nodes, \(graph.edgeCount) relationships.\n")
        try out.write("// Idempotent: nodes merge on label and iri, relationships on type, ends and iri.\n")
        for g in graph.nodeGroups {
            try out.write(indexStatement(g.label) + "\n")
        }
        for g in graph.nodeGroups {
            let columns = NodeColumn.columns(documents: g.hasDocuments)
            var setClause = "SET " + columns.filter { $0 != .iri }.map { "n.\($0.rawValue) = row.\($0.rawValue)" }
                .joined(separator: ", ")
            setClause += ";\n"
            for batch in stride(from: 0, to: g.nodes.count, by: batchSize) {
                try out.write("UNWIND [\n")
                for (i, node) in g.nodes[batch..<min(batch + batchSize, g.nodes.count)].enumerated() {
                    if i > 0 { try out.write(",\n") }
                    try out.write("{")
                    for (k, c) in columns.enumerated() {
                        try out.write(k == 0 ? "\(c.rawValue): " : ", \(c.rawValue): ")
                        try value(c.value(node), to: out)
                    }
                    try out.write("}")
                }
                try out.write("\n] AS row\nMERGE (n:`\(g.label)` {iri: row.iri})\n")
                try out.write(setClause)
            }
        }
        for g in graph.edgeGroups {
            var pending = 0
            func close() throws {
                try out.write("\n] AS row\n")
                try out.write("MATCH (a:`\(g.startLabel)` {iri: row.s})\nMATCH (b:`\(g.endLabel)` {iri: row.o})\n")
                try out.write("MERGE (a)-[r:`\(g.type)` {iri: row.iri}]->(b)\n")
                try out.write("SET r.predicate = row.predicate, r.role = row.role, r.confidence = row.confidence, "
                    + "r.evidence = row.evidence, r.documents = row.documents;\n")
                pending = 0
            }
            try g.forEachEdge { e in
                try out.write(pending == 0 ? "UNWIND [\n{s: " : ",\n{s: ")
                try value(.text(e.start), to: out)
                try out.write(", o: "); try value(.text(e.end), to: out)
                try out.write(", iri: "); try value(.text(e.iri), to: out)
                try out.write(", predicate: "); try value(.text(e.predicate), to: out)
                try out.write(", role: "); try value(e.role.map { .text($0) } ?? .none, to: out)
                try out.write(", confidence: "); try value(ExportEscaping.number(e.confidence).map { .number($0) } ?? .none, to: out)
                try out.write(", evidence: "); try value(.list(e.evidence), to: out)
                try out.write(", documents: "); try value(.list(e.documents), to: out)
                try out.write("}")
                pending += 1
                if pending == batchSize { try close() }
            }
            if pending > 0 { try close() }
        }
        try out.close()
    }

    func indexStatement(_ label: String) -> String {
        switch dialect {
        case .neo4j:
            return "CREATE CONSTRAINT `docgraph_\(label)_iri` IF NOT EXISTS FOR (n:`\(label)`) REQUIRE n.iri IS UNIQUE;"
        case .memgraph:
            return "CREATE INDEX ON :`\(label)`(iri);"
        case .falkordb:
            return "CREATE INDEX FOR (n:`\(label)`) ON (n.iri);"
        }
    }

    private mutating func value(_ v: PropertyValue, to out: ByteOutput) throws {
        switch v {
        case .none: try out.write("null")
        case .number(let n): try out.write(n)
        case .text(let s): ExportEscaping.cypherString(s, to: out, replaced: &replacedCharacters)
        case .list(let items):
            try out.write("[")
            for (i, s) in items.enumerated() {
                if i > 0 { try out.write(", ") }
                ExportEscaping.cypherString(s, to: out, replaced: &replacedCharacters)
            }
            try out.write("]")
        }
    }
}
