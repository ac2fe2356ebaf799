import Foundation
import Testing

/// `docgraph evaluate` against the reference: every number it prints for a corpus is the number
/// kgscore.py gives for the GraphML files `docgraph extract` writes for the same documents.
struct EvaluateCommandTests {
    static let kgscore = CLI.root.appendingPathComponent("Tests/Fixtures/tools/kgscore.py").path

    /// `p`, `r`, `f1`, `tp`, `fp`, `fn`, as both print them. Decoded with JSONDecoder, which reads
    /// doubles to the last bit (JSONSerialization does not).
    struct Counts: Decodable, Equatable {
        var p, r, f1: Double
        var tp, fp, fn: Int
    }

    /// One document's score: kgscore.py --json's result, and evaluate's per_document entries.
    struct Score: Decodable, Equatable {
        var entities: [String: Counts]
        var relations: [String: Counts]
        var fn_entities, fp_entities, dup_entities, fn_relations, fp_relations: [String]
    }

    struct Evaluation: Decodable {
        struct Document: Decodable {
            var name, document, gold, genre: String
            var entities: [String: Counts]
            var relations: [String: Counts]
            var fn_entities, fp_entities, dup_entities, fn_relations, fp_relations: [String]
            var score: Score {
                Score(entities: entities, relations: relations, fn_entities: fn_entities, fp_entities: fp_entities,
                      dup_entities: dup_entities, fn_relations: fn_relations, fp_relations: fp_relations)
            }
        }
        struct Genre: Decodable {
            var documents: Int
            var entities: Counts
            var relations: Counts
        }
        var documents: Int
        var passed_over: Int
        var entities: [String: Counts]
        var relations: [String: Counts]
        var genres: [String: Genre]
        var per_document: [Document]?
    }

    static func python(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", kgscore] + arguments
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "kgscore.py \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }

    /// P, R and F1 from counts, as kgscore.py's `prf` computes them.
    static func counts(tp: Int, fp: Int, fn: Int) -> Counts {
        let p = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0
        let r = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
        return Counts(p: p, r: r, f1: p + r > 0 ? 2 * p * r / (p + r) : 0, tp: tp, fp: fp, fn: fn)
    }

    /// Sums the reference's per-document counts, key by key: the micro-average evaluate must print.
    static func sum(_ scores: [[String: Counts]]) -> [String: Counts] {
        var totals: [String: (Int, Int, Int)] = [:]
        for s in scores {
            for (k, c) in s {
                let t = totals[k] ?? (0, 0, 0)
                totals[k] = (t.0 + c.tp, t.1 + c.fp, t.2 + c.fn)
            }
        }
        return totals.mapValues { counts(tp: $0.0, fp: $0.1, fn: $0.2) }
    }

    @Test(arguments: ["Corpus/dev", "Tests/Fixtures/dev3"])
    func everyNumberIsKgscoresOnTheGraphMLExtractWrites(corpus: String) throws {
        let r = try CLI.run(["evaluate", corpus, "--format", "json", "--verbose", "--jobs", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let evaluation = try JSONDecoder().decode(Evaluation.self, from: Data(r.stdout.utf8))
        let documents = evaluation.per_document ?? []
        let golds = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent(corpus).path).filter { $0.hasSuffix(".json") }
        #expect(documents.count == golds.count && evaluation.documents == golds.count && evaluation.passed_over == 0)

        // The reference: each document extracted alone to GraphML, and scored by kgscore.py.
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var reference: [Score] = []
        for d in documents {
            let graphml = dir.appendingPathComponent(d.name + ".graphml").path
            let x = try CLI.run(["extract", d.document, "-o", graphml, "--quiet"])
            #expect(x.status == 0, "\(x.stderr)")
            let score = try JSONDecoder().decode(Score.self, from: Data(try Self.python(["--gold", d.gold, "--graphml", graphml, "--json"]).utf8))
            #expect(d.score == score, "\(d.name)")
            reference.append(score)
        }
        #expect(evaluation.entities == Self.sum(reference.map(\.entities)))
        #expect(evaluation.relations == Self.sum(reference.map(\.relations)))
        var byGenre: [String: [Score]] = [:]
        for (d, s) in zip(documents, reference) { byGenre[d.genre, default: []].append(s) }
        #expect(Set(evaluation.genres.keys) == Set(byGenre.keys))
        for (genre, scores) in byGenre {
            #expect(evaluation.genres[genre]?.documents == scores.count)
            #expect(evaluation.genres[genre]?.entities == Self.sum(scores.map(\.entities))["all"], "\(genre)")
            #expect(evaluation.genres[genre]?.relations == Self.sum(scores.map(\.relations))["all"], "\(genre)")
        }

        // The table with --verbose prints kgscore.py --gold-dir --verbose's lines: one per document
        // with its misses, and the micro-averaged F1 last.
        let expected = try Self.python(["--gold-dir", corpus, "--graphml-dir", dir.path, "--verbose"]).split(separator: "\n")
        let table = try CLI.run(["evaluate", corpus, "--verbose", "--jobs", "1"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Array(lines.prefix(expected.count - 1)) == Array(expected.dropLast()))
        #expect(lines.dropLast().last == expected.last)
    }

    @Test func theOutputIsTheSameForAnyNumberOfJobs() throws {
        let one = try CLI.run(["evaluate", "Corpus/dev", "Corpus/sample", "--format", "json", "--verbose", "--jobs", "1"])
        let three = try CLI.run(["evaluate", "Corpus/sample", "Corpus/dev", "--format", "json", "--verbose", "--jobs", "3"])
        #expect(one.status == 0 && three.status == 0)
        #expect(one.stdout == three.stdout)
        #expect(one.stdout.contains("\"documents\" : 5"))
    }

    func corpus(_ files: [String: String]) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    static let gold = #"{"genre": "legislation", "entities": [{"id": "a", "type": "Organization", "name": "岚溪市人大常委会"}], "relations": []}"#

    @Test func aBrokenGoldFileIsReportedAtItsPlaceBeforeAnythingIsExtracted() throws {
        let dir = try corpus(["a.txt": "岚溪市人大常委会召开会议。", "a.json": Self.gold,
                              "b.txt": "岚溪市人大常委会。", "b.json": #"{"entities": [{"id": "a", "type": "Organisation", "name": "x"}], "relations": []}"#])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["evaluate", dir.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == dir.path + "/b.json:1:35: error: entities[0] (id 'a'): unknown type 'Organisation' (did you mean 'Organization'?); "
                + "the classes are Organization, Regulation, Person, Program, Document, Location, Event\n")
    }

    @Test func aDocumentThatCannotBeReadIsAnErrorNamingIt() throws {
        let dir = try corpus(["a.txt": "岚溪市人大常委会召开会议。", "a.json": Self.gold, "scan.pdf": "not a PDF", "scan.json": Self.gold])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["evaluate", dir.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix(dir.path + "/scan.pdf: error: "))
    }

    @Test func documentsWithoutGoldArePassedOverAndCounted() throws {
        let dir = try corpus(["legislation-1.txt": "岚溪市人大常委会召开会议。", "legislation-1.json": Self.gold, "notes.txt": "no gold"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["evaluate", dir.path, "--tagger", "rules"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("documents: 1 scored, 1 without gold passed over\n"))
        // The genre is the gold's; its row: the name in 16 columns, the count right-aligned in 10.
        #expect(r.stdout.contains("\nlegislation" + String(repeating: " ", count: 14) + "1  "))
    }

    @Test(arguments: [
        ([String](), "Missing expected argument '<corpus> ...'", Int32(64)),
        (["Corpus/dev", "--jobs", "0"], "--jobs must be at least 1", 64),
        (["Corpus/dev", "--format", "yaml"], "The value 'yaml' is invalid for '--format <format>'", 64),
        (["no/such/corpus"], "no/such/corpus: error: no such folder or file", 1),
    ])
    func badUsageAndMissingFoldersFail(arguments: [String], message: String, status: Int32) throws {
        let r = try CLI.run(["evaluate"] + arguments)
        #expect(r.status == status)
        #expect(r.stderr.contains(message))
    }
}
