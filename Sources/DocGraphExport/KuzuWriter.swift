import DocGraphModel
import DocGraphRDF

/// Writes a ``PropertyGraph`` for Kùzu, the embedded graph database:
/// `schema.cypher` (a node table per label, a relationship table per type
/// with every pair of end labels it joins), CSV files, and `load.cypher`
/// (`COPY … FROM` each file). Run the two scripts in this folder, in a new
/// database.
///
/// Kùzu splits a CSV list field at every comma and keeps quotes inside it,
/// so lists are written as one string with U+001F between elements and
/// `load.cypher` splits them with `string_split` as it copies. Columns are
/// declared as strings (`LOAD WITH HEADERS`), never guessed: a name like
/// `007` stays text. Kùzu reads an empty string as null. A relationship
/// type named like a node label (`Leads` and `LEADS`) gets a table name
/// with `_` added, as Kùzu's table names ignore case.
public struct KuzuWriter {
    /// Characters no engine keeps, written as U+FFFD (see ``ExportEscaping``).
    public private(set) var replacedCharacters = 0

    /// A writer; ``write(_:toDirectory:)`` does the work.
    public init() {}

    /// Writes the files into the folder `directory`, which must exist.
    public mutating func write(_ graph: PropertyGraph, toDirectory directory: String) throws {
        let schema = try ByteOutput(path: directory + "/schema.cypher")
        let load = try ByteOutput(path: directory + "/load.cypher")
        let separator = String(UnicodeScalar(ExportEscaping.listSeparator))
        for g in graph.nodeGroups {
            let columns = NodeColumn.columns(documents: g.hasDocuments)
            let declared = columns.map { "`\($0.rawValue)` \($0.isList ? "STRING[]" : "STRING")\($0 == .iri ? " PRIMARY KEY" : "")" }
            try schema.write("CREATE NODE TABLE `\(g.label)`(\(declared.joined(separator: ", ")));\n")
            let file = "nodes-\(g.label).csv"
            try load.write("COPY `\(g.label)` FROM (LOAD WITH HEADERS (\(columns.map { "`\($0.rawValue)` STRING" }.joined(separator: ", "))) "
                + "FROM '\(file)' (header=true, parallel=false) RETURN "
                + columns.map { Self.read($0.rawValue, list: $0.isList, separator: separator) }.joined(separator: ", ") + ");\n")
            let out = try ByteOutput(path: directory + "/" + file)
            var row = CSVRow(out)
            for c in columns { try row.raw(c.rawValue) }
            try row.end()
            for n in g.nodes {
                for c in columns { try row.field(c.value(n), replaced: &replacedCharacters) }
                try row.end()
            }
            try out.close()
        }
        let edgeColumns = ["from", "to", "iri", "predicate", "role", "confidence", "evidence", "documents"]
        let tables = Self.relationshipTables(graph)
        for (type, pairs) in graph.relationshipTypes {
            let ends = pairs.map { "FROM `\($0.start)` TO `\($0.end)`" }.joined(separator: ", ")
            try schema.write("CREATE REL TABLE `\(tables[type, default: type])`(\(ends), `iri` STRING, `predicate` STRING, "
                + "`role` STRING, `confidence` DOUBLE, `evidence` STRING[], `documents` STRING[]);\n")
        }
        for g in graph.edgeGroups {
            let table = tables[g.type, default: g.type]
            let file = "relationships-\(table)-\(g.startLabel)-\(g.endLabel).csv"
            try load.write("COPY `\(table)` FROM (LOAD WITH HEADERS (\(edgeColumns.map { "`\($0)` STRING" }.joined(separator: ", "))) "
                + "FROM '\(file)' (header=true, parallel=false) RETURN `from`, `to`, `iri`, `predicate`, `role`, "
                + "CAST(`confidence` AS DOUBLE), " + Self.read("evidence", list: true, separator: separator) + ", "
                + Self.read("documents", list: true, separator: separator)
                + ") (from='\(g.startLabel)', to='\(g.endLabel)');\n")
            let out = try ByteOutput(path: directory + "/" + file)
            var row = CSVRow(out)
            for c in edgeColumns { try row.raw(c) }
            try row.end()
            try g.forEachEdge { e in
                try row.field(.text(e.start), replaced: &replacedCharacters)
                try row.field(.text(e.end), replaced: &replacedCharacters)
                for p in e.properties { try row.field(p.value, replaced: &replacedCharacters) }
                try row.end()
            }
            try out.close()
        }
        try schema.close()
        try load.close()
    }

    /// The table of each relationship type: its name, unless a node table has that name in
    /// another case (Kùzu's table names are one case-insensitive namespace); then `_` is
    /// added until it is free.
    static func relationshipTables(_ graph: PropertyGraph) -> [String: String] {
        var taken = Set(graph.nodeGroups.map { $0.label.lowercased() })
        var tables: [String: String] = [:]
        for (type, _) in graph.relationshipTypes {
            var name = type
            while taken.contains(name.lowercased()) { name += "_" }
            taken.insert(name.lowercased())
            tables[type] = name
        }
        return tables
    }

    /// The expression that reads one column back: a list split at U+001F (an
    /// empty field is the empty list), anything else as it is.
    private static func read(_ column: String, list: Bool, separator: String) -> String {
        guard list else { return "`\(column)`" }
        return "CASE WHEN `\(column)` IS NULL THEN CAST([] AS STRING[]) ELSE string_split(`\(column)`, '\(separator)') END"
    }
}
