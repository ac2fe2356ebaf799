import DocGraphModel
import DocGraphRDF
import Testing
@testable import DocGraphExport

struct CypherScriptWriterTests {
    static func script(_ g: KnowledgeGraph, dialect: CypherScriptWriter.Dialect = .neo4j, batchSize: Int = 1000) throws -> String {
        var w = CypherScriptWriter(dialect: dialect, batchSize: batchSize)
        let out = ByteOutput()
        try w.write(PropertyGraph(g), to: out)
        return out.contents
    }

    @Test(arguments: [
        ("plain 中文", "'plain 中文'"),
        ("it's", "'it\\'s'"),
        ("say \"hi\"", "'say \"hi\"'"),
        ("back\\slash", "'back\\\\slash'"),
        ("a\nb\r\nc\td", "'a\\nb\\r\\nc\\td'"),
        ("literally \\u0000", "'literally \\\\u0000'"),
        ("ends \\", "'ends \\\\'"),
        ("bell\u{8}feed\u{C}", "'bell\\bfeed\\f'"),
    ])
    func stringsAreEscapedForCypher(input: String, expected: String) {
        let out = ByteOutput()
        var replaced = 0
        ExportEscaping.cypherString(input, to: out, replaced: &replaced)
        #expect(out.contents == expected)
        #expect(replaced == 0)
    }

    @Test func aNulIsReplacedAndCounted() throws {
        let out = ByteOutput()
        var replaced = 0
        ExportEscaping.cypherString("a\u{0}b", to: out, replaced: &replaced)
        #expect(out.contents == "'a\u{FFFD}b'")
        #expect(replaced == 1)
    }

    @Test func theSmallGraphGivesThisScript() throws {
        let text = try Self.script(ExportTestGraphs.small(), batchSize: 2)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("CREATE CONSTRAINT `docgraph_Organization_iri` IF NOT EXISTS FOR (n:`Organization`) REQUIRE n.iri IS UNIQUE;"))
        #expect(lines.contains("MERGE (n:`Resource` {iri: row.iri})"))
        #expect(lines.contains("MERGE (a)-[r:`HOLDS_POSITION` {iri: row.iri}]->(b)"))
        #expect(lines.contains("MATCH (a:`Person` {iri: row.s})"))
        #expect(text.contains("role: '市委书记', confidence: 0.9, evidence: [], documents: []}"))
        #expect(text.contains("evidence: ['在市委的领导下，常委会依法履职。'], documents: ['d1']}"))
        #expect(text.contains("aliases: ['市委'], documents: ['d1']}"))
        // Two organizations in one batch of two; the third node label's batch on its own.
        #expect(text.components(separatedBy: "MERGE (n:`Organization`").count - 1 == 1)
        #expect(text.hasSuffix(";\n"))
    }

    @Test func everyStatementMergesAndNothingIsCreatedButIndexes() throws {
        let text = try Self.script(ExportTestGraphs.small(), batchSize: 1)
        let statements = text.split(separator: ";\n").map { $0.split(separator: "\n").filter { !$0.hasPrefix("//") } }
        for s in statements where !s.isEmpty {
            let first = s[0]
            if first.hasPrefix("CREATE ") { #expect(s.count == 1); continue }
            #expect(first == "UNWIND [")
            #expect(s.contains { $0.hasPrefix("MERGE (") && $0.contains("{iri: row.iri}") })
            #expect(!s.contains { $0.hasPrefix("CREATE") })
        }
        #expect(statements.count == 4 + 5 + 3)   // four labels' indexes, five nodes, three relationships
    }

    @Test(arguments: [0, 5000])
    func hostileStringsKeepEachStatementEndingAtItsOwnLine(evidenceLength: Int) throws {
        let text = try Self.script(ExportTestGraphs.hostileGraph(evidenceLength: evidenceLength))
        // A line ends with ';' exactly where a statement ends: after SET ... or an index statement.
        for line in text.split(separator: "\n") where line.hasSuffix(";") {
            #expect(line.hasPrefix("SET ") || line.hasPrefix("CREATE "), "\(line.prefix(80))")
        }
        for line in text.split(separator: "\n") where line.hasPrefix("SET ") { #expect(line.hasSuffix(";")) }
        #expect(!text.contains("\r"))
        #expect(text.contains("'it\\'s \"quoted\" and \\\\back\\\\slashed\\\\ 0'"))
    }

    @Test(arguments: CypherScriptWriter.Dialect.allCases)
    func eachDialectSpellsItsIndexes(dialect: CypherScriptWriter.Dialect) throws {
        let w = CypherScriptWriter(dialect: dialect)
        let expected: [CypherScriptWriter.Dialect: String] = [
            .neo4j: "CREATE CONSTRAINT `docgraph_Person_iri` IF NOT EXISTS FOR (n:`Person`) REQUIRE n.iri IS UNIQUE;",
            .memgraph: "CREATE INDEX ON :`Person`(iri);",
            .falkordb: "CREATE INDEX FOR (n:`Person`) ON (n.iri);",
        ]
        #expect(w.indexStatement("Person") == expected[dialect])
    }

    @Test func theSameGraphGivesTheSameBytesWhateverTheOrderItWasBuiltIn() throws {
        let g = ExportTestGraphs.small()
        var reversed = KnowledgeGraph()
        for d in g.documents.values.reversed() { reversed.add(d) }
        for e in g.sortedEntities.reversed() { reversed.add(e) }
        for r in g.sortedRelations.reversed() { reversed.add(r) }
        #expect(try Self.script(reversed) == Self.script(g))
    }
}
