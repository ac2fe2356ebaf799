import DocGraphModel
import DocGraphRDF
import Foundation
import Testing
@testable import DocGraphExport

struct CSVExportTests {
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docgraph-export-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test(arguments: [
        ("plain", "\"plain\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("a,b\nc\\d'e", "\"a,b\nc\\d'e\""),
        ("", "\"\""),
    ])
    func fieldsAreQuotedWithQuotesDoubled(input: String, expected: String) {
        let out = ByteOutput()
        var replaced = 0
        ExportEscaping.csvField(input, to: out, replaced: &replaced)
        #expect(out.contents == expected)
    }

    @Test func listsAreJoinedByTheUnitSeparatorWhichCannotOccurInside() {
        let out = ByteOutput()
        var replaced = 0
        ExportEscaping.csvList(["a;b", "c\u{1F}d", "e\"f"], to: out, replaced: &replaced)
        #expect(out.contents == "\"a;b\u{1F}c\u{FFFD}d\u{1F}e\"\"f\"")
        #expect(replaced == 1)
        let empty = ByteOutput()
        ExportEscaping.csvList([], to: empty, replaced: &replaced)
        #expect(empty.contents == "")
    }

    @Test func neo4jFilesHaveTheImportHeadersAndTheScriptNamesThemAll() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var w = Neo4jImportWriter()
        try w.write(PropertyGraph(ExportTestGraphs.small()), toDirectory: dir)
        let org = try Self.read(dir + "/nodes-Organization.csv")
        #expect(org.hasPrefix("iri:ID,name,class,aliases:string[],documents:string[],:LABEL\n"))
        #expect(org.contains("\"某市委\",\"https://w3id.org/docgraph/ontology#Organization\",\"市委\",\"d1\",\"Organization\"\n"))
        let doc = try Self.read(dir + "/nodes-Document.csv")
        #expect(doc.hasPrefix("iri:ID,name,class,aliases:string[],documents:string[],title,date,source,checksum,location,format,:LABEL\n"))
        let rel = try Self.read(dir + "/relationships-HOLDS_POSITION.csv")
        #expect(rel.hasPrefix(":START_ID,:END_ID,:TYPE,iri,predicate,role,confidence:double,evidence:string[],documents:string[]\n"))
        #expect(rel.contains(",\"HOLDS_POSITION\","))
        #expect(rel.contains(",\"市委书记\",0.9,,\n"))
        let script = try Self.read(dir + "/import.sh")
        for f in w.files { #expect(script.contains("=\(f) \\\n") || script.hasSuffix("=\(f)\n")) }
        #expect(script.contains("import full \"${1:-neo4j}\" \\\n"))
        #expect(w.files.count == 4 + 3)
        #expect(script.contains("--array-delimiter=U+001F"))
        #expect(script.contains("--multiline-fields=true"))
    }

    @Test func kuzuSchemaDeclaresEveryEndPairOfARelationshipType() throws {
        var g = ExportTestGraphs.small()
        let person = Entity(type: DG.term("Person"), label: "李四")
        let org = try #require(g.sortedEntities.first { $0.type == DG.term("Organization") })
        g.add(person)
        g.add(Relation(subject: org.node, predicate: DG.term("leads"), object: person.node))
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var w = KuzuWriter()
        try w.write(PropertyGraph(g), toDirectory: dir)
        let schema = try Self.read(dir + "/schema.cypher")
        #expect(schema.contains("CREATE REL TABLE `LEADS`(FROM `Organization` TO `Organization`, FROM `Organization` TO `Person`, `iri` STRING,"))
        #expect(schema.contains("CREATE NODE TABLE `Person`(`iri` STRING PRIMARY KEY, `name` STRING, `class` STRING, `aliases` STRING[], `documents` STRING[]);"))
        let load = try Self.read(dir + "/load.cypher")
        #expect(load.contains("FROM 'relationships-LEADS-Organization-Person.csv' (header=true, parallel=false)"))
        #expect(load.contains(") (from='Organization', to='Person');\n"))
        #expect(load.contains("string_split(`aliases`, '\u{1F}')"))
        #expect(FileManager.default.fileExists(atPath: dir + "/relationships-LEADS-Organization-Person.csv"))
        #expect(try Self.read(dir + "/nodes-Person.csv").hasPrefix("iri,name,class,aliases,documents\n"))
    }

    @Test func aRelationshipTypeNamedLikeANodeLabelGetsATableOfItsOwn() throws {
        var g = KnowledgeGraph()
        let a = Entity(type: IRI(unchecked: "https://example.org/Leads"), label: "甲")
        let b = Entity(type: IRI(unchecked: "https://example.org/Leads"), label: "乙")
        g.add(a); g.add(b)
        g.add(Relation(subject: a.node, predicate: DG.term("leads"), object: b.node))
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var w = KuzuWriter()
        try w.write(PropertyGraph(g), toDirectory: dir)
        let schema = try Self.read(dir + "/schema.cypher")
        #expect(schema.contains("CREATE NODE TABLE `Leads`("))
        #expect(schema.contains("CREATE REL TABLE `LEADS_`(FROM `Leads` TO `Leads`,"))
        #expect(try Self.read(dir + "/load.cypher").contains("COPY `LEADS_` FROM (LOAD WITH HEADERS"))
        #expect(FileManager.default.fileExists(atPath: dir + "/relationships-LEADS_-Leads-Leads.csv"))
    }

    @Test func hostileStringsComeBackFromTheCSVAsWritten() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var w = KuzuWriter()
        try w.write(PropertyGraph(ExportTestGraphs.hostileGraph()), toDirectory: dir)
        #expect(w.replacedCharacters == 0)
        let rows = Self.parseCSV(try Self.read(dir + "/nodes-Person.csv"))
        let names = Set(rows.dropFirst().map { $0[1] })
        for (i, s) in ExportTestGraphs.hostile.enumerated() { #expect(names.contains(s + " \(i)")) }
        #expect(rows.allSatisfy { $0.count == 5 })
    }

    /// An RFC 4180 reader, just enough to read the exports back.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, afterQuote = false
        for c in text {
            if quoted {
                if c == "\"" { quoted = false; afterQuote = true } else { field.append(c) }
                continue
            }
            switch c {
            case "\"": if afterQuote { field.append("\"") }; quoted = true; afterQuote = false
            case ",": row.append(field); field = ""; afterQuote = false
            case "\n": row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            default: field.append(c); afterQuote = false
            }
        }
        return rows
    }
}
