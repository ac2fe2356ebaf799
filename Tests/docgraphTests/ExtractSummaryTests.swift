import Foundation
import Testing

/// The line `extract` prints when it is done: every document counted once.
struct ExtractSummaryTests {
    /// `--into` with one document unchanged, one changed and one new: 1 + 1 + 1 = 3 documents (a
    /// replaced document is extracted too, but is counted once, as replaced).
    @Test func theIntoCountsAddUpToTheDocuments() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: docs.appendingPathComponent(name)) }
        try write("a.txt", "岚溪市人大常委会工作报告\n市人大常委会审议通过了《岚溪市河道管理条例》。\n")
        try write("b.txt", "岚溪市人民政府工作报告\n市人民政府印发了《岚溪市节约用水办法》。\n")
        let graph = dir.appendingPathComponent("g.nt").path
        let first = try CLI.run(["extract", docs.path, "--into", graph, "--tagger", "rules"])
        #expect(first.stderr.contains("docgraph: documents: 2 extracted; entities: "), "\(first.stderr)")
        try write("b.txt", "岚溪市人民政府工作报告\n市人民政府印发了《岚溪市城市供水条例》。\n")
        try write("c.txt", "岚溪市政协工作报告\n市政协召开了常委会议。\n")
        let r = try CLI.run(["extract", docs.path, "--into", graph, "--tagger", "rules"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("docgraph: documents: 1 extracted, 1 replaced, 1 unchanged; entities: "), "\(r.stderr)")
    }

    /// A new file that lengthens the id of a document the graph holds (`a` → `docs/a`): that one is
    /// read again under its new id and counted once, among the extracted, with a note.
    @Test func aDocumentReadAgainUnderALongerIdIsCountedOnce() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs.appendingPathComponent("2024"), withIntermediateDirectories: true)
        try Data("岚溪市人大常委会工作报告\n市人大常委会审议通过了《岚溪市河道管理条例》。\n".utf8).write(to: docs.appendingPathComponent("a.txt"))
        let graph = dir.appendingPathComponent("g.nt").path
        #expect(try CLI.run(["extract", docs.path, "--into", graph, "--tagger", "rules"]).status == 0)
        try Data("岚溪市人民政府工作报告\n市人民政府印发了《岚溪市节约用水办法》。\n".utf8).write(to: docs.appendingPathComponent("2024/a.txt"))
        let r = try CLI.run(["extract", docs.path, "--into", graph, "--tagger", "rules"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("docgraph: documents: 2 extracted; 1 of them read before under a shorter id; entities: "), "\(r.stderr)")
    }
}
