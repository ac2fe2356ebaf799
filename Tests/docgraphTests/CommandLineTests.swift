import Foundation
import Testing

struct CommandLineTests {
    func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let p = dir.appendingPathComponent(name).path
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    @Test func convertRoundTripsThroughEveryFormat() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let nt = try write("""
        <http://example.org/s> <http://example.org/p> "文本"@zh-Hans .
        <http://example.org/s> <http://other.example/q#r> _:b .
        _:b <http://www.w3.org/2000/01/rdf-schema#label> "x\\ny" .
        <http://example.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/T> .

        """, "in.nt", in: dir)
        let rdf = dir.appendingPathComponent("out.rdf").path
        let back = dir.appendingPathComponent("back.nt").path
        #expect(try CLI.run(["convert", nt, rdf]).status == 0)
        #expect(try CLI.run(["convert", rdf, back]).status == 0)
        let a = try String(contentsOfFile: nt, encoding: .utf8).split(separator: "\n").sorted()
        let b = try String(contentsOfFile: back, encoding: .utf8).split(separator: "\n").sorted()
        #expect(a.count == b.count)
        #expect(a.filter { !$0.contains("_:") } == b.filter { !$0.contains("_:") })
    }

    @Test func malformedInputNamesFileLineAndColumnAndWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = try write("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n  <rdf:Description>\n</rdf:RDF>\n", "bad.rdf", in: dir)
        let out = dir.appendingPathComponent("out.nt").path
        try "previous".write(toFile: out, atomically: true, encoding: .utf8)
        let r = try CLI.run(["convert", bad, out])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix(bad + ":3:"))
        #expect(r.stderr.contains(": error: "))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func malformedNTriplesStopsWithPosition() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = try write("<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> \"open .\n", "bad.nt", in: dir)
        let out = dir.appendingPathComponent("out.rdf").path
        let r = try CLI.run(["convert", bad, out])
        #expect(r.status == 1)
        #expect(r.stderr == bad + ":2:17: error: unterminated string literal\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: [
        (["convert", "a.txt", "b.rdf"], "cannot tell the format"),
        (["extract", "Tests/Fixtures/samples/suzhou-npc-2024.txt"], "at least one output"),
        (["frobnicate"], "unknown command 'frobnicate'; the commands are extract, explain,"),
    ])
    func badUsageExits64(args: [String], message: String) throws {
        let r = try CLI.run(args)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message))
    }

    @Test func missingInputIsOneClearLine() throws {
        let r = try CLI.run(["convert", "/nonexistent/x.nt", "/tmp/y.rdf"])
        #expect(r.status == 1)
        #expect(r.stderr == "/nonexistent/x.nt: error: no such file\n")
    }

    @Test func unwritableOutputIsOneClearLine() throws {
        let r = try CLI.run(["extract", "Tests/Fixtures/samples/suzhou-npc-2024.txt", "-o", "/nonexistent-dir/x.rdf"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent-dir/x.rdf: error: the folder '/nonexistent-dir' does not exist"))
    }

    @Test func invalidUTF8DocumentIsSkippedWithItsOffsetOrFailsWithStrict() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = dir.appendingPathComponent("bad.txt")
        try Data([0xE4, 0xB8, 0xAD, 0xFF, 0x41]).write(to: p)
        let good = CLI.root.appendingPathComponent("Tests/Fixtures/samples/own/05-ningbo-npc-2023.txt").path
        let out = dir.appendingPathComponent("o.rdf").path
        let skipped = try CLI.run(["extract", p.path, good, "-o", out])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("\(p.path): error: not valid UTF-8 (first bad byte at offset 3)"))
        #expect(skipped.stderr.contains("(skipped)"))
        #expect(try CLI.run(["stats", out]).stdout.hasPrefix("documents\t1\n"))
        try FileManager.default.removeItem(atPath: out)
        let strict = try CLI.run(["extract", p.path, good, "--strict", "-o", out])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("first bad byte at offset 3"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bad.txt"])
    }

    @Test func turtleWrittenAndReadGivesTheSameTriples() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ttl = dir.appendingPathComponent("g.ttl").path, direct = dir.appendingPathComponent("direct.nt").path
        let back = dir.appendingPathComponent("back.nt").path
        #expect(try CLI.run(["convert", "Exports/suzhou-npc-2024.rdf", ttl]).status == 0)
        #expect(try CLI.run(["convert", ttl, back]).status == 0)
        #expect(try CLI.run(["convert", "Exports/suzhou-npc-2024.rdf", direct]).status == 0)
        func lines(_ p: String) throws -> [Substring] { try String(contentsOfFile: p, encoding: .utf8).split(separator: "\n").sorted() }
        #expect(try lines(back) == lines(direct))
        #expect(try String(contentsOfFile: ttl, encoding: .utf8).contains("@prefix dg: <https://w3id.org/docgraph/ontology#> ."))
    }

    @Test func standardInputIsADocument() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("o.nt").path
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Tests/Fixtures/samples/own/05-ningbo-npc-2023.txt"), encoding: .utf8)
        let r = try CLI.run(["extract", "-", "-q", "-o", out], stdin: text)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let nt = try String(contentsOfFile: out, encoding: .utf8)
        #expect(nt.contains("<https://w3id.org/docgraph/id/document/stdin>"))
        #expect(nt.contains("宁波市人大常委会"))
    }

    @Test func intoAddsOnlyNewDocumentsAndWritesBack() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let own = CLI.root.appendingPathComponent("Tests/Fixtures/samples/own")
        try FileManager.default.copyItem(at: own.appendingPathComponent("05-ningbo-npc-2023.txt"), to: docs.appendingPathComponent("a.txt"))
        let graph = dir.appendingPathComponent("g.nt").path
        #expect(try CLI.run(["extract", docs.path, "--into", graph]).status == 0)
        try FileManager.default.copyItem(at: own.appendingPathComponent("06-chengdu-court-2023.txt"), to: docs.appendingPathComponent("b.txt"))
        let r = try CLI.run(["extract", docs.path, "--into", graph])
        #expect(r.status == 0)
        #expect(r.stderr.contains("docgraph: documents: 1 extracted, 1 unchanged; entities: "))
        let fresh = dir.appendingPathComponent("fresh.nt").path
        #expect(try CLI.run(["extract", docs.path, "-o", fresh, "--jobs", "1"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: graph)) == Data(contentsOf: URL(fileURLWithPath: fresh)))
    }

    /// `extract --into` with a copy of a document the graph holds: the copy is a new document,
    /// as in a fresh run (identical files in two places are common in real collections).
    @Test func intoExtractsACopyOfADocumentTheGraphHolds() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let own = CLI.root.appendingPathComponent("Tests/Fixtures/samples/own")
        try FileManager.default.copyItem(at: own.appendingPathComponent("05-ningbo-npc-2023.txt"), to: docs.appendingPathComponent("a.txt"))
        let g1 = dir.appendingPathComponent("g1.nt").path, g2 = dir.appendingPathComponent("g2.nt").path
        #expect(try CLI.run(["extract", docs.path, "-o", g1]).status == 0)
        try FileManager.default.copyItem(at: docs.appendingPathComponent("a.txt"), to: docs.appendingPathComponent("b.txt"))
        let r = try CLI.run(["extract", docs.path, "--into", g1, "-o", g2])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("docgraph: documents: 1 extracted, 1 unchanged; entities: "), "\(r.stderr)")
        #expect(try String(contentsOfFile: g2, encoding: .utf8).contains("<https://w3id.org/docgraph/id/document/b>"))
        let fresh = dir.appendingPathComponent("fresh.nt").path
        #expect(try CLI.run(["extract", docs.path, "-o", fresh]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: g2)) == Data(contentsOf: URL(fileURLWithPath: fresh)))
    }

    @Test func everySubcommandHasHelp() throws {
        for sub in ["extract", "explain", "evaluate", "convert", "stats", "validate"] {
            let r = try CLI.run([sub, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("USAGE: docgraph \(sub)"))
        }
    }

    @Test func explainShowsMentionsAndTheRuleBehindEachEdge() throws {
        let r = try CLI.run(["explain", "Tests/Fixtures/samples/own/05-ningbo-npc-2023.txt", "--tagger", "rules"])
        #expect(r.status == 0)
        // First the author (the default subject of the document's relations) and its places.
        #expect(r.stdout.hasPrefix("author: 宁波市人大常委会  (places: 宁波市 › 浙江省)\n"))
        #expect(r.stdout.contains("Organization 市人大常委会 → 宁波市人大常委会"))
        #expect(r.stdout.contains("edge 宁波市委 -leads-> 宁波市人大常委会  (leads.under-leadership, confidence 0.9)"))
    }

    /// With the trained model, each edge says how likely the scorer found it and which features
    /// weighed most, the cue frame that reads the same pair among them.
    @Test(.needsTaggerModel) func explainShowsTheLearnedScoreAndTheFeaturesThatWeighedMost() throws {
        let r = try CLI.run(["explain", "Tests/Fixtures/samples/own/05-ningbo-npc-2023.txt"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("edge 宁波市委 -leads-> 宁波市人大常委会  (model.leads, confidence "))
        let scored = r.stdout.split(separator: "\n").filter { $0.contains("scored 中共宁波市委 -leads-> author 宁波市人大常委会") }
        #expect(scored.count == 1)
        #expect(scored.first?.contains("rule=leads.under-leadership +") == true, "\(scored)")
        let all = try CLI.run(["explain", "Tests/Fixtures/samples/own/05-ningbo-npc-2023.txt", "--all"])
        #expect(all.stdout.contains("  left out "))
    }

    @Test func malformedRuleFileNamesItsLine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let onto = dir.appendingPathComponent("Ontology")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Ontology"), to: onto)
        let frames = onto.appendingPathComponent("rules/relation-frames.tsv")
        var text = try String(contentsOf: frames, encoding: .utf8)
        text += "funded\tx\tAUTHOR\t$1\t0.5\t资助{PROG}\n"
        try text.write(to: frames, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let r = try CLI.run(["extract", "Tests/Fixtures/samples/own/05-ningbo-npc-2023.txt", "--ontology", onto.path,
                             "-o", dir.appendingPathComponent("o.nt").path])
        #expect(r.status == 1)
        #expect(r.stderr == "\(frames.path):\(lines):1: error: property 'funded' is not declared in the ontology\n")
    }

    @Test func aFolderIsReadFileByFileInPathOrder() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = dir.appendingPathComponent("docs/sub")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for name in ["01-shantou-npc-2015", "04-xiaogan-npcsc-session-2017"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/Fixtures/samples/dev/\(name).txt"),
                                             to: docs.appendingPathComponent("\(name).txt"))
        }
        try "not a document".write(to: docs.appendingPathComponent("notes.exe"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("all.nt").path
        let r = try CLI.run(["extract", dir.appendingPathComponent("docs").path, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let stats = try CLI.run(["stats", out])
        #expect(stats.stdout.hasPrefix("documents\t2\n"))
    }
}

extension CommandLineTests {
    @Test func queryCommandsAnswerFromAnyGraphFormat() throws {
        let rdf = try CLI.run(["relations", "Exports/suzhou-npc-2024.rdf", "--predicate", "holdsPosition", "--format", "csv"])
        let graphml = try CLI.run(["relations", "Exports/suzhou-npc-2024.graphml", "--predicate", "holdsPosition", "--format", "csv"])
        #expect(rdf.status == 0)
        #expect(rdf.stdout.hasPrefix("subject,predicate,object,role,confidence,evidence\r\n"))
        #expect(rdf.stdout.contains("刘小涛,holdsPosition,苏州市委,市委书记,1.0,2"))
        #expect(rdf.stdout == graphml.stdout)
        let describe = try CLI.run(["describe", "Exports/suzhou-npc-2024.rdf", "市委", "--format", "tsv"])
        #expect(describe.stdout.contains("in: holdsPosition\t刘小涛\tconfidence 1.0, 2 evidence, role 市委书记"))
    }

    /// Two documents that never name their city, each with its 市委 and its secretary, extracted
    /// together: `describe 市委` lists the two bodies with their documents, each one's IRI
    /// describes it alone, and neither holds the other's secretary.
    @Test func anAmbiguousNameListsItsCandidatesWithTheirDocuments() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try "全会召开\n市委书记王明出席会议并讲话。\n".write(to: docs.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "调研工作\n市委书记李强到企业调研。\n".write(to: docs.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let graph = dir.appendingPathComponent("g.nt").path
        let extracted = try CLI.run(["extract", docs.path, "-o", graph])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let r = try CLI.run(["describe", graph, "市委", "--format", "tsv"])
        #expect(r.status == 0, "\(r.stderr)")
        let committee = "https://w3id.org/docgraph/id/organization/市委/in/"
        #expect(r.stdout == """
            field\tvalue\tdetail
            candidate\t市委\t\(committee)a
            class\tOrganization\thttps://w3id.org/docgraph/ontology#Organization
            document\ta\t全会召开
            candidate\t市委\t\(committee)b
            class\tOrganization\thttps://w3id.org/docgraph/ontology#Organization
            document\tb\t调研工作

            """)
        #expect(r.stderr == "docgraph: 2 entities go by '市委'; listing them (describe one by its IRI)\n")
        let one = try CLI.run(["describe", graph, committee + "b", "--format", "tsv"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("in: holdsPosition\t李强\tconfidence 1.0, 1 evidence, role 市委书记"))
        #expect(!one.stdout.contains("王明"))
    }

    @Test func aNameThatMatchesNothingSuggestsLabels() throws {
        let r = try CLI.run(["describe", "Exports/suzhou-npc-2024.rdf", "苏州人大常委会"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Exports/suzhou-npc-2024.rdf: error: no entity is called '苏州人大常委会'; did you mean '苏州市人大常委会'"))
        #expect(r.stdout.isEmpty)
    }
}

extension CommandLineTests {
    @Test func sparqlAnswersInJSONAndShowsSyntaxErrorsWithACaret() throws {
        let q = "PREFIX dg: <https://w3id.org/docgraph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?s dg:holdsPosition ?o }"
        let r = try CLI.run(["sparql", "Exports/suzhou-npc-2024.rdf", q, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("{\"head\":{\"vars\":[\"n\"]},"))
        #expect(r.stdout.contains("\"datatype\":\"http://www.w3.org/2001/XMLSchema#integer\""))
        let bad = try CLI.run(["sparql", "Exports/suzhou-npc-2024.rdf", "SELECT ?x WHERE { ?x dg:p ?y }"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "query:1:22: error: unknown prefix 'dg:' (declare it with PREFIX dg: <…>)\n  SELECT ?x WHERE { ?x dg:p ?y }\n                       ^\n")
    }
}

extension CommandLineTests {
    @Test func sparqlRefusesWhatItDoesNotEvaluate() throws {
        let r = try CLI.run(["sparql", "Exports/suzhou-npc-2024.rdf", "SELECT * FROM <http://e/g> WHERE { ?s ?p ?o }"])
        #expect(r.status == 1)
        #expect(r.stderr == "query: error: not supported: FROM (the graph file given is the dataset)\n")
        #expect(r.stdout.isEmpty)
    }
}

extension CommandLineTests {
    @Test func severalQueriesRunOnOneLoadingAndAreTimedOnRequest() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dg-sparql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let count = dir.appendingPathComponent("count.rq").path, ask = dir.appendingPathComponent("ask.rq").path
        try "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }".write(toFile: count, atomically: true, encoding: .utf8)
        try "ASK { ?s ?p ?o }".write(toFile: ask, atomically: true, encoding: .utf8)
        let r = try CLI.run(["sparql", "Exports/suzhou-npc-2024.rdf", "-f", count, "-f", ask, "--time", "--repeat", "3", "--format", "tsv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("load: ") == true && lines.first?.contains(" triples in ") == true)
        #expect(lines.dropFirst().first?.hasPrefix(count + ": 1 rows in ") == true)
        #expect(lines.dropFirst().first?.contains("(fastest of 3; median ") == true)
        #expect(lines.last?.hasPrefix(ask + ": true in ") == true)
        // Both results, in order, the second after a blank line.
        #expect(r.stdout.hasPrefix("n\n") && r.stdout.hasSuffix("\n\nresult\ntrue\n"))
    }
}

extension CommandLineTests {
    /// One fact in two roles (two statements): N-Triples, Turtle and RDF/XML each hold every
    /// triple once, the plain triple among them.
    @Test func aGraphFileHoldsEachTripleOnceInEveryRDFFormat() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (rdf, dg, skos) = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "https://w3id.org/docgraph/ontology#",
                               "http://www.w3.org/2004/02/skos/core#")
        let plain = "<urn:x:zhang> <\(dg)holdsPosition> <urn:x:body> ."
        var lines = [
            "<urn:x:zhang> <\(rdf)type> <\(dg)Person> .", "<urn:x:zhang> <\(skos)prefLabel> \"张三\"@zh-Hans .",
            "<urn:x:body> <\(rdf)type> <\(dg)Organization> .", "<urn:x:body> <\(skos)prefLabel> \"甲\"@zh-Hans .", plain,
        ]
        for (k, role) in ["主任", "党组书记"].enumerated() {
            lines += ["<urn:x:st\(k)> <\(rdf)type> <\(rdf)Statement> .", "<urn:x:st\(k)> <\(rdf)subject> <urn:x:zhang> .",
                      "<urn:x:st\(k)> <\(rdf)predicate> <\(dg)holdsPosition> .", "<urn:x:st\(k)> <\(rdf)object> <urn:x:body> .",
                      "<urn:x:st\(k)> <\(dg)role> \"\(role)\"@zh-Hans ."]
        }
        let input = try write(lines.joined(separator: "\n") + "\n", "in.nt", in: dir)
        let outputs = ["out.nt", "out.ttl", "out.rdf"].map { dir.appendingPathComponent($0).path }
        let m = try CLI.run(["merge", input] + outputs.flatMap { ["-o", $0] })
        #expect(m.status == 0, "\(m.stderr)")
        for output in outputs {
            let nt = output.hasSuffix(".nt") ? output : output + ".nt"
            if nt != output { #expect(try CLI.run(["convert", output, nt]).status == 0) }
            let written = try String(contentsOfFile: nt, encoding: .utf8).split(separator: "\n")
            #expect(Set(written).count == written.count, "\(output) repeats \(written.count - Set(written).count) triple(s)")
            #expect(written.filter { $0 == plain }.count == 1, "\(output)")
            #expect(written.filter { $0.contains("\(dg)role>") }.count == 2, "\(output)")
        }
    }
}

extension CommandLineTests {
    /// A typo in a class, a predicate or a command is an error with the nearest name, not an
    /// empty answer with exit 0.
    @Test(arguments: [
        (["entities", "Exports/suzhou-npc-2024.rdf", "--type", "Organisation"], 1,
         "Exports/suzhou-npc-2024.rdf: error: no class is called 'Organisation'; did you mean 'Organization'?\n"),
        (["relations", "Exports/suzhou-npc-2024.rdf", "--predicate", "enacts"], 1,
         "Exports/suzhou-npc-2024.rdf: error: no predicate is called 'enacts'; did you mean 'enacted'?\n"),
        (["neighbors", "Exports/suzhou-npc-2024.rdf", "苏州市委", "--predicate", "lead"], 1,
         "Exports/suzhou-npc-2024.rdf: error: no predicate is called 'lead'; did you mean 'leads'?\n"),
        (["render", "Exports/suzhou-npc-2024.rdf", "--type", "Organisation", "-o", "/tmp/docgraph-typo-never-written.svg"], 1,
         "Exports/suzhou-npc-2024.rdf: error: no class is called 'Organisation'; did you mean 'Organization'?\n"),
        (["render", "Exports/suzhou-npc-2024.rdf", "--predicate", "enacts", "-o", "/tmp/docgraph-typo-never-written.svg"], 1,
         "Exports/suzhou-npc-2024.rdf: error: no predicate is called 'enacts'; did you mean 'enacted'?\n"),
        (["extrct", "Tests/Fixtures/samples/suzhou-npc-2024.txt"], 64, "Error: unknown command 'extrct'; did you mean 'extract'?\n"),
        (["relation", "Exports/suzhou-npc-2024.rdf"], 64, "Error: unknown command 'relation'; did you mean 'relations'?\n"),
    ])
    func aTypoIsAnErrorThatSuggestsTheNearestName(args: [String], status: Int32, message: String) throws {
        let r = try CLI.run(args)
        #expect(r.status == status)
        #expect(r.stderr.hasPrefix(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/docgraph-typo-never-written.svg"))
    }

    /// A class or predicate the ontology declares but the graph does not use is an empty answer;
    /// a class named in any case, or by its IRI, is the class.
    @Test func aDeclaredClassOrPredicateTheGraphLacksIsAnEmptyAnswer() throws {
        let events = try CLI.run(["entities", "Exports/suzhou-npc-2024.rdf", "--type", "Event", "--format", "tsv"])
        #expect(events.status == 0, "\(events.stderr)")
        #expect(events.stdout == "name\tclass\taliases\tdocuments\tiri\n")
        let lower = try CLI.run(["entities", "Exports/suzhou-npc-2024.rdf", "--type", "organization", "--format", "tsv"])
        let iri = try CLI.run(["entities", "Exports/suzhou-npc-2024.rdf", "--type", "https://w3id.org/docgraph/ontology#Organization", "--format", "tsv"])
        #expect(lower.stdout.contains("\tOrganization\t"))
        #expect(lower.stdout == iri.stdout)
    }

    @Test func versionPrintsTheRelease() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(r.stdout)")
    }
}

/// Folders: what a run leaves out is said, and a run with nothing to read or nowhere to write
/// fails before it starts.
extension CommandLineTests {
    /// Two documents and four files of other formats (no extension, .json, .csv, .bin).
    func mixedFolder(in dir: URL) throws -> URL {
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let own = CLI.root.appendingPathComponent("Tests/Fixtures/samples/own")
        try FileManager.default.copyItem(at: own.appendingPathComponent("05-ningbo-npc-2023.txt"), to: docs.appendingPathComponent("a.txt"))
        try FileManager.default.copyItem(at: own.appendingPathComponent("06-chengdu-court-2023.txt"), to: docs.appendingPathComponent("b.txt"))
        for name in ["notes", "data.json", "table.csv", "blob.bin"] { _ = try write("x\n", name, in: docs) }
        return docs
    }

    @Test func filesLeftOutForTheirFormatAreCountedNamedAndListedWithVerbose() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = try mixedFolder(in: dir)
        let out = dir.appendingPathComponent("o.nt").path
        let r = try CLI.run(["extract", docs.path, "--tagger", "rules", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("docgraph: documents: 2 extracted; 4 files left out for their format (blob.bin, data.json, notes, … --verbose lists them); entities: "),
                "\(r.stderr)")
        let verbose = try CLI.run(["extract", docs.path, "--tagger", "rules", "-q", "--verbose", "-o", out])
        #expect(verbose.stderr == ["blob.bin", "data.json", "notes", "table.csv"].map { "docgraph: left out for its format: \(docs.path)/\($0)\n" }.joined())
        let listed = try CLI.run(["documents", docs.path])
        #expect(listed.stdout == "\(docs.path)/a.txt\ta\n\(docs.path)/b.txt\tb\n")
        #expect(listed.stderr == "docgraph: 4 files left out for their format (blob.bin, data.json, notes, … --verbose lists them)\n")
    }

    @Test func aRunThatFindsNoDocumentExits1AndWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        _ = try write("{}", "data.json", in: empty)
        let out = dir.appendingPathComponent("o.nt").path
        let r = try CLI.run(["extract", empty.path, "-o", out])
        #expect(r.status == 1)
        #expect(r.stderr == "docgraph: error: no document found in the inputs; 1 file left out for its format (data.json); nothing written\n")
        #expect(!FileManager.default.fileExists(atPath: out))
        let graph = try write("previous", "g.nt", in: dir)
        #expect(try CLI.run(["extract", empty.path, "--into", graph]).status == 1)
        #expect(try String(contentsOfFile: graph, encoding: .utf8) == "previous")
    }

    /// The folder is checked first: no document is read (so none is reported) before the error.
    @Test func aMissingOutputFolderIsAnErrorBeforeAnyDocumentIsRead() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = try mixedFolder(in: dir)
        try Data([0xE4, 0xB8, 0xAD, 0xFF, 0x41]).write(to: docs.appendingPathComponent("bad.txt"))
        let out = dir.appendingPathComponent("missing/o.nt").path
        let r = try CLI.run(["extract", docs.path, "-o", out])
        #expect(r.status == 1)
        #expect(r.stderr == "\(out): error: the folder '\(dir.appendingPathComponent("missing").path)' does not exist\n")
    }

    @Test func explainOnAFolderExplainsEveryDocumentAndAnEmptyOneIsAnError() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = try mixedFolder(in: dir)
        let r = try CLI.run(["explain", docs.path, "--tagger", "rules"])
        #expect(r.status == 0, "\(r.stderr)")
        let headers = r.stdout.split(separator: "\n").filter { $0.hasPrefix("== ") }
        #expect(headers == ["== \(docs.path)/a.txt (a)", "== \(docs.path)/b.txt (b)"])
        #expect(r.stdout.contains("宁波市人大常委会") && r.stdout.contains("成都"))
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try CLI.run(["explain", empty.path])
        #expect(none.status == 1)
        #expect(none.stderr == "\(empty.path): error: no document found in the folder\n")
    }
}

extension CommandLineTests {
    /// merge and render check their outputs' folders before reading anything: a malformed graph is
    /// not even opened when there is nowhere to write.
    @Test(arguments: ["merge", "render"])
    func aMissingOutputFolderIsTheFirstError(command: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = try write("<urn:a> <urn:b> \"open .\n", "bad.nt", in: dir)
        let out = dir.appendingPathComponent("missing/o.svg").path
        let r = try CLI.run([command, bad, "-o", command == "merge" ? out.replacingOccurrences(of: ".svg", with: ".nt") : out])
        #expect(r.status == 1)
        #expect(r.stderr.hasSuffix("error: the folder '\(dir.appendingPathComponent("missing").path)' does not exist\n"), "\(r.stderr)")
    }
}
