import Foundation
import Testing
import DocGraphGraphML
import DocGraphModel
@testable import DocGraphExtract

/// Scores extraction against the hand annotations with the project's scorer
/// (Tests/Fixtures/tools/kgscore.py), as `kgscore.py` reports it.
struct GoldScoreTests {
    static let fixtures = ExtractorTests.root.appendingPathComponent("Tests/Fixtures")

    func score(_ document: URL, gold: URL) throws -> (entity: Double, relation: Double) {
        let rules = try ExtractorTests.rules.get()
        let data = try Data(contentsOf: document)
        let text = String(decoding: data, as: UTF8.self)
        let g = Extractor(rules: rules).extract(TextDocument(id: document.deletingPathExtension().lastPathComponent, text: text, checksum: ""))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID()).graphml")
        defer { try? FileManager.default.removeItem(at: out) }
        try GraphMLWriter.write(g, to: out.path)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.fixtures.appendingPathComponent("tools/kgscore.py").path, "--gold", gold.path, "--graphml", out.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let last = output.split(separator: "\n").last.map(String.init) ?? ""
        let numbers = last.split(separator: " ").compactMap { Double($0) }
        print("\(document.lastPathComponent): \(last)")
        return (numbers.first ?? 0, numbers.dropFirst().first ?? 0)
    }

    @Test func sampleMeetsItsQualityBar() throws {
        let s = try score(Self.fixtures.appendingPathComponent("samples/suzhou-npc-2024.txt"),
                          gold: Self.fixtures.appendingPathComponent("gold/suzhou-npc-2024.json"))
        #expect(s.entity >= 0.90)
        #expect(s.relation >= 0.80)
    }

    /// The four documents of other genres, and three short ones written for
    /// the project (another city's congress, a court, a government report),
    /// each set scored as `kgscore.py --gold-dir … --graphml-dir …` does.
    @Test(arguments: ["dev", "own"])
    func otherGenresMeetTheirQualityBar(folder: String) throws {
        let rules = try ExtractorTests.rules.get()
        let dir = Self.fixtures.appendingPathComponent("samples/" + folder)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dev-\(UUID())")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".txt") {
            let id = String(file.dropLast(4))
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            let g = Extractor(rules: rules).extract(TextDocument(id: id, text: text, checksum: ""))
            try GraphMLWriter.write(g, to: out.appendingPathComponent(id + ".graphml").path)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.fixtures.appendingPathComponent("tools/kgscore.py").path,
                       "--gold-dir", Self.fixtures.appendingPathComponent("gold/" + folder).path, "--graphml-dir", out.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        print(output)
        let last = output.split(separator: "\n").last.map(String.init) ?? ""
        let numbers = last.split(separator: " ").compactMap { Double($0) }
        #expect(numbers.count == 2, "unexpected scorer output: \(last)")
        #expect((numbers.first ?? 0) >= 0.85)
        #expect((numbers.dropFirst().first ?? 0) >= 0.70)
    }
}
