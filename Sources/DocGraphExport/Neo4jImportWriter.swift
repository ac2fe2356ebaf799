#if canImport(Glibc)
import DocGraphRDF
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocGraphModel

/// Writes a ``PropertyGraph`` as the CSV files `neo4j-admin database
/// import full` reads, and `import.sh` with the exact command line.
///
/// - `nodes-LABEL.csv`: `iri:ID,name,class,aliases:string[],documents:string[]`
///   (and the document metadata for `Document`), then `:LABEL`; the IRI is
///   the id, one id space for all nodes.
/// - `relationships-TYPE.csv`: `:START_ID,:END_ID,:TYPE,iri,predicate,role,confidence:double,evidence:string[],documents:string[]`.
///
/// Every string is quoted with `"` doubled inside; fields may hold line
/// breaks (`--multiline-fields=true`). Array elements are separated by
/// U+001F, not `;`: evidence sentences and names contain `;`, and the
/// import has no way to escape its array delimiter. An empty list or a
/// missing value is an empty field, which the import leaves out.
public struct Neo4jImportWriter {
    /// Characters no engine keeps, written as U+FFFD (see ``ExportEscaping``).
    public private(set) var replacedCharacters = 0
    /// The files written, in the order `import.sh` names them.
    public private(set) var files: [String] = []

    /// A writer; ``write(_:toDirectory:)`` does the work.
    public init() {}

    /// The options of the import that the files need.
    public static let importOptions = [
        "--array-delimiter=U+001F", "--delimiter=,", "--quote='\"'", "--multiline-fields=true",
        // A value that ends with a backslash must not read as an escaped closing quote.
        "--legacy-style-quoting=false",
    ]

    /// Writes the files into the folder `directory`, which must exist.
    public mutating func write(_ graph: PropertyGraph, toDirectory directory: String) throws {
        var nodeFiles: [String] = []
        for g in graph.nodeGroups {
            let name = "nodes-\(g.label).csv"
            nodeFiles.append(name)
            let out = try ByteOutput(path: directory + "/" + name)
            let columns = NodeColumn.columns(documents: g.hasDocuments)
            var row = CSVRow(out)
            for c in columns { try row.raw(Self.header(c)) }
            try row.raw(":LABEL")
            try row.end()
            for n in g.nodes {
                for c in columns { try row.field(c.value(n), replaced: &replacedCharacters) }
                try row.field(.text(g.label), replaced: &replacedCharacters)
                try row.end()
            }
            try out.close()
        }
        var relationshipFiles: [String] = []
        for (type, _) in graph.relationshipTypes {
            let name = "relationships-\(type).csv"
            relationshipFiles.append(name)
            let out = try ByteOutput(path: directory + "/" + name)
            var row = CSVRow(out)
            for h in [":START_ID", ":END_ID", ":TYPE", "iri", "predicate", "role", "confidence:double",
                      "evidence:string[]", "documents:string[]"] { try row.raw(h) }
            try row.end()
            for g in graph.edgeGroups where g.type == type {
                try g.forEachEdge { e in
                    try row.field(.text(e.start), replaced: &replacedCharacters)
                    try row.field(.text(e.end), replaced: &replacedCharacters)
                    try row.field(.text(type), replaced: &replacedCharacters)
                    for p in e.properties { try row.field(p.value, replaced: &replacedCharacters) }
                    try row.end()
                }
            }
            try out.close()
        }
        files = nodeFiles + relationshipFiles
        let script = try ByteOutput(path: directory + "/import.sh")
        try script.write(Self.importScript(nodeFiles: nodeFiles, relationshipFiles: relationshipFiles))
        try script.close()
        chmod(directory + "/import.sh", 0o755)
    }

    static func header(_ c: NodeColumn) -> String {
        switch c {
        case .iri: return "iri:ID"
        case .aliases, .documents: return c.rawValue + ":string[]"
        default: return c.rawValue
        }
    }

    static func importScript(nodeFiles: [String], relationshipFiles: [String]) -> String {
        var lines = [
            "#!/bin/sh",
            "# Imports this folder into a new Neo4j database (default name: neo4j) with neo4j-admin (Neo4j 5).",
            "# Stop the database first; --overwrite-destination replaces it. Usage: sh import.sh [DATABASE]",
            "# The database name comes first: Neo4j 5.19 and later take no name after the options.",
            "set -e",
            "cd \"$(dirname \"$0\")\"",
            "exec neo4j-admin database import full \"${1:-neo4j}\" \\",
        ]
        for o in importOptions + ["--overwrite-destination=true"] { lines.append("  \(o) \\") }
        for f in nodeFiles { lines.append("  --nodes=\(f) \\") }
        for f in relationshipFiles { lines.append("  --relationships=\(f) \\") }
        lines[lines.count - 1].removeLast(2)
        return lines.joined(separator: "\n") + "\n"
    }
}
