import Foundation
import Testing
import DocGraphGraphML
import DocGraphModel
@testable import DocGraphExtract

/// Scores extraction against the hand annotations with the project's scorer
/// (Tests/Fixtures/tools/kgscore.py), as `kgscore.py` reports it: the rules alone, and the
/// default extractor (the rules, the tagger and the trained weights, as `docgraph extract` runs).
struct GoldScoreTests {
    static let fixtures = ExtractorTests.root.appendingPathComponent("Tests/Fixtures")

    /// The extractor `docgraph extract` builds when the model is installed: the tagger and the
    /// trained weights from Models/docgraph, with the rules.
    static let hybrid = Result {
        let dir = TaggerModelFixture.directory
        return Extractor(rules: try ExtractorTests.rules.get(), tagger: try TaggerModelFixture.model.get(),
                         model: try ExtractionModel.load(directory: dir))
    }

    /// Entity and relation F1 of `extractor` on `documents`, scored against the gold files in
    /// `goldFolder` as `kgscore.py --gold-dir … --graphml-dir …` scores them (micro-averaged).
    func score(_ documents: [URL], goldFolder: URL, extractor: Extractor) throws -> (entity: Double, relation: Double) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID())")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        for document in documents {
            let id = document.deletingPathExtension().lastPathComponent
            let text = try String(contentsOf: document, encoding: .utf8)
            let g = extractor.extract(TextDocument(id: id, text: text, checksum: ""))
            try GraphMLWriter.write(g, to: out.appendingPathComponent(id + ".graphml").path)
        }
        let gold: [String]
        if documents.count == 1 {
            let id = documents[0].deletingPathExtension().lastPathComponent
            gold = ["--gold", goldFolder.appendingPathComponent(id + ".json").path,
                    "--graphml", out.appendingPathComponent(id + ".graphml").path]
        } else {
            gold = ["--gold-dir", goldFolder.path, "--graphml-dir", out.path]
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.fixtures.appendingPathComponent("tools/kgscore.py").path] + gold
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        print(output)
        let last = output.split(separator: "\n").last.map(String.init) ?? ""
        let numbers = last.split(separator: " ").compactMap { Double($0) }
        try #require(p.terminationStatus == 0 && numbers.count == 2, "unexpected scorer output: \(output)")
        return (numbers[0], numbers[1])
    }

    /// The `.txt` documents of a folder of Tests/Fixtures, in name order.
    func documents(in folder: String) throws -> [URL] {
        let dir = Self.fixtures.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { dir.appendingPathComponent($0) }
    }

    static let sample = fixtures.appendingPathComponent("samples/suzhou-npc-2024.txt")

    @Test func sampleMeetsItsQualityBar() throws {
        let s = try score([Self.sample], goldFolder: Self.fixtures.appendingPathComponent("gold"),
                          extractor: Extractor(rules: try ExtractorTests.rules.get()))
        #expect(s.entity >= 0.90)
        #expect(s.relation >= 0.80)
    }

    /// The four documents of other genres, and three short ones written for
    /// the project (another city's congress, a court, a government report).
    @Test(arguments: ["dev", "own"])
    func otherGenresMeetTheirQualityBar(folder: String) throws {
        let s = try score(documents(in: "samples/" + folder), goldFolder: Self.fixtures.appendingPathComponent("gold/" + folder),
                          extractor: Extractor(rules: try ExtractorTests.rules.get()))
        #expect(s.entity >= 0.85)
        #expect(s.relation >= 0.70)
    }

    /// The floors of the default extractor, a little under what it scores today (entity / relation F1,
    /// `swift test --filter GoldScoreTests` prints them): the sample 0.988 / 0.949, `dev` 0.913 / 0.932,
    /// `own` 0.989 / 0.812 (the rules alone read its relations better: 1.000) and dev3, never trained on,
    /// 0.850 / 0.585. A change that costs the shipped model quality fails here, not only in the README.
    @Test(.enabled(if: TaggerModelFixture.shouldRun, TaggerModelFixture.skipped),
          arguments: [("sample", 0.97, 0.93), ("dev", 0.89, 0.91), ("own", 0.97, 0.79), ("dev3", 0.83, 0.56)])
    func theDefaultExtractorMeetsItsQualityFloor(set: String, entity: Double, relation: Double) throws {
        let extractor = try Self.hybrid.get()
        let s: (entity: Double, relation: Double)
        switch set {
        case "sample": s = try score([Self.sample], goldFolder: Self.fixtures.appendingPathComponent("gold"), extractor: extractor)
        case "dev3": s = try score(documents(in: "dev3"), goldFolder: Self.fixtures.appendingPathComponent("dev3"), extractor: extractor)
        default: s = try score(documents(in: "samples/" + set), goldFolder: Self.fixtures.appendingPathComponent("gold/" + set), extractor: extractor)
        }
        #expect(s.entity >= entity, "\(set): entity F1 \(s.entity) is under its floor \(entity)")
        #expect(s.relation >= relation, "\(set): relation F1 \(s.relation) is under its floor \(relation)")
    }
}
