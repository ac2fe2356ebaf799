import Foundation
import Testing

/// What the query commands print for programs: `--format json` with each value in its type, and
/// a SPARQL CONSTRUCT's graph as a graph (N-Triples, or a file in the format its name gives).
struct QueryOutputTests {
    static let graph = "Exports/suzhou-npc-2024.rdf"

    func json(_ args: [String]) throws -> Any {
        let r = try CLI.run(args + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    @Test func entitiesGiveAliasesAndDocumentsAsArrays() throws {
        let rows = try #require(try json(["entities", Self.graph, "--type", "Organization"]) as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row["aliases"] is [String], "\(row)")
            #expect((row["documents"] as? [String]) == ["suzhou-npc-2024"], "\(row)")
        }
        #expect(rows.contains { ($0["aliases"] as? [String])?.count ?? 0 > 1 })
    }

    @Test func relationsGiveConfidenceAsANumberAndEvidenceAsObjects() throws {
        let plain = try #require(try json(["relations", Self.graph, "--predicate", "enacted"]) as? [[String: Any]])
        #expect(!plain.isEmpty)
        for row in plain {
            #expect(row["confidence"] is Double && !(row["confidence"] is String), "\(row)")
            #expect(row["evidence"] is Int, "\(row)")
        }
        let detailed = try #require(try json(["relations", Self.graph, "--predicate", "enacted", "--evidence"]) as? [[String: Any]])
        #expect(detailed.count == plain.count)
        for (row, count) in zip(detailed, plain.map { $0["evidence"] as? Int }) {
            let evidence = try #require(row["evidence"] as? [[String: Any]], "\(row)")
            #expect(evidence.count == count)
            for e in evidence {
                #expect(Set(e.keys) == ["document", "page", "start", "end", "sentence", "rule"])
                #expect(e["document"] as? String == "suzhou-npc-2024")
                #expect(e["page"] is NSNull, "a text document has no pages")
                let start = try #require(e["start"] as? Int), end = try #require(e["end"] as? Int)
                #expect(start < end && (e["sentence"] as? String)?.unicodeScalars.count == end - start)
            }
        }
    }

    @Test func neighborsPathsAndDescribeKeepTheirTypes() throws {
        let neighbors = try #require(try json(["neighbors", Self.graph, "苏州市人大常委会"]) as? [[String: Any]])
        #expect(neighbors.first?["depth"] as? Int == 1)
        let paths = try #require(try json(["path", Self.graph, "苏州市人大常委会", "苏州市人民政府"]) as? [[String: Any]])
        #expect(paths.first?["path"] as? Int == 1 && paths.first?["step"] as? Int == 1, "\(paths)")
        let described = try #require(try json(["describe", Self.graph, "苏州市人大常委会"]) as? [[String: Any]])
        let entity = try #require(described.first)
        #expect(entity["class"] as? String == "Organization")
        #expect(entity["aliases"] is [String])
        #expect((entity["documents"] as? [[String: Any]])?.first?["id"] as? String == "suzhou-npc-2024")
        let out = try #require(entity["out"] as? [[String: Any]])
        #expect(!out.isEmpty && out.allSatisfy { $0["confidence"] is Double && $0["evidence"] is Int })
    }

    static let construct = """
        PREFIX dg: <https://w3id.org/docgraph/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        CONSTRUCT { ?s dg:enacted ?o . ?o skos:prefLabel ?name } WHERE { ?s dg:enacted ?o . ?o skos:prefLabel ?name }
        """

    @Test func aConstructQueryPrintsNTriplesEachOnce() throws {
        let r = try CLI.run(["sparql", Self.graph, Self.construct])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("<") && $0.hasSuffix(" .") }, "\(r.stdout)")
        #expect(Set(lines).count == lines.count, "a triple printed twice")
        #expect(!r.stdout.contains("subject\tpredicate\tobject"))
        // The graph reads back: it is N-Triples, not a table.
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let nt = dir.appendingPathComponent("part.nt").path
        try Data(r.stdout.utf8).write(to: URL(fileURLWithPath: nt))
        let stats = try CLI.run(["relations", nt, "--format", "tsv"])
        #expect(stats.status == 0, "\(stats.stderr)")
    }

    @Test(arguments: ["ttl", "rdf", "nt", "graphml"])
    func aConstructQueryWritesTheFileItsExtensionNames(_ ext: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("part." + ext).path
        let r = try CLI.run(["sparql", Self.graph, Self.construct, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        // Converted to N-Triples, the file holds the triples the query printed.
        let printed = try CLI.run(["sparql", Self.graph, Self.construct]).stdout
        let back = dir.appendingPathComponent("back.nt").path
        #expect(try CLI.run(["convert", out, back]).status == 0)
        let lines = Set(try String(contentsOfFile: back, encoding: .utf8).split(separator: "\n"))
        #expect(lines.isSuperset(of: Set(printed.split(separator: "\n"))), "\(ext)")
    }

    @Test func aConstructQueryRefusesATableFormatAndASelectRefusesAGraphFile() throws {
        let table = try CLI.run(["sparql", Self.graph, Self.construct, "--format", "csv"])
        #expect(table.status == 1)
        #expect(table.stderr.hasPrefix("query: error: a CONSTRUCT query gives a graph, not a table"), "\(table.stderr)")
        #expect(table.stdout.isEmpty)
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("rows.ttl").path
        let select = try CLI.run(["sparql", Self.graph, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", "-o", out])
        #expect(select.status == 1)
        #expect(select.stderr.contains("is for the graph of a CONSTRUCT query"), "\(select.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
