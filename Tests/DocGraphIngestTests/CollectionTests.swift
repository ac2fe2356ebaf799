import DocGraphExtract
import DocGraphModel
import Foundation
import Testing
@testable import DocGraphIngest

/// Many documents, one graph: ids, folder search, per-city short forms,
/// incremental runs, jobs, and inputs that cannot be read.
struct CollectionTests {
    func run(_ dir: URL, jobs: Int = 2, into base: KnowledgeGraph = KnowledgeGraph(), include: [String] = [],
             exclude: [String] = []) throws -> CollectionExtraction.Outcome {
        let items = try InputCollection(inputs: [dir.path], include: include, exclude: exclude).items
        return CollectionExtraction(extractor: try Fixtures.extractor.get(), jobs: jobs).run(items, into: base)
    }

    @Test func theSameShortFormInTwoCitiesIsTwoOrganizations() throws {
        let dir = Fixtures.folder()
        _ = Fixtures.write(Array(Fixtures.hangzhou.utf8), "hangzhou.txt", in: dir)
        _ = Fixtures.write(Array(Fixtures.ningbo.utf8), "ningbo.txt", in: dir)
        let g = try run(dir).graph
        let committees = g.entities.values.filter { $0.label == "杭州市委" || $0.label == "宁波市委" }
        #expect(committees.count == 2)
        #expect(g.entities.values.first { $0.label == "杭州市委" }?.documents == ["hangzhou"])
        #expect(g.entities.values.first { $0.label == "宁波市委" }?.documents == ["ningbo"])
        #expect(g.documents.count == 2)
    }

    @Test func idsAreTheShortestPathTailsThatTellDocumentsApart() throws {
        #expect(InputCollection.ids(for: ["a/2023/report.txt", "a/2024/report.txt", "b/notes.md"]) == ["2023/report", "2024/report", "notes"])
        #expect(InputCollection.ids(for: ["x/report.txt", "x/report.html"]) == ["x/report.txt", "x/report.html"])
        #expect(InputCollection.ids(for: ["-"]) == ["stdin"])
        // The id of a document does not depend on the order inputs are named in.
        let dir = Fixtures.folder()
        let a = Fixtures.write(Array("a".utf8), "one/report.txt", in: dir)
        let b = Fixtures.write(Array("b".utf8), "two/report.txt", in: dir)
        #expect(try InputCollection(inputs: [a, b]).items == InputCollection(inputs: [b, a]).items)
    }

    @Test func foldersAreSearchedWithIncludeAndExcludeGlobs() throws {
        let dir = Fixtures.folder()
        for name in ["a.txt", "b.html", "c.docx", "d.md", "notes/e.txt", "drafts/f.txt", ".hidden/g.txt", "h.png", "i.exe", "~$lock.docx"] {
            _ = Fixtures.write(Array("x".utf8), name, in: dir)
        }
        func names(_ include: [String], _ exclude: [String]) throws -> [String] {
            try InputCollection(inputs: [dir.path], include: include, exclude: exclude).items.map { String($0.path.dropFirst(dir.path.count + 1)) }
        }
        #expect(try names([], []) == ["a.txt", "b.html", "c.docx", "d.md", "drafts/f.txt", "h.png", "notes/e.txt"])
        #expect(try names(["*.txt"], ["drafts/*"]) == ["a.txt", "notes/e.txt"])
        #expect(try names(["notes/*"], []) == ["notes/e.txt"])
    }

    /// A list's paths are taken as written (relative ones from the current folder, as on the
    /// command line): where the list file lies does not change them.
    @Test func listFilesNamePathsAsWritten() throws {
        let dir = Fixtures.folder()
        let doc = Fixtures.write(Array(Fixtures.hangzhou.utf8), "docs/hangzhou.txt", in: dir)
        let list = Fixtures.write(Array("# reports\n\(doc)\nrelative/notice.txt\n\n".utf8), "lists/list.txt", in: dir)
        let items = try InputCollection(inputs: [], lists: [list]).items
        #expect(items.map(\.path) == [doc, "relative/notice.txt"])   // an absolute path sorts first
        #expect(items.map(\.id) == ["hangzhou", "notice"])
    }

    @Test func oneJobAndTwoJobsGiveTheSameGraph() throws {
        let dir = Fixtures.folder()
        for k in 0..<6 {
            _ = Fixtures.write(Array((k % 2 == 0 ? Fixtures.hangzhou : Fixtures.ningbo).utf8), "d\(k).txt", in: dir)
        }
        let one = try run(dir, jobs: 1).graph
        let two = try run(dir, jobs: 2).graph
        #expect(Fixtures.nTriples(one) == Fixtures.nTriples(two))
        #expect(one.documents.count == 6)
    }

    @Test func incrementalRunsEqualAFreshRun() throws {
        let dir = Fixtures.folder()
        _ = Fixtures.write(Array(Fixtures.hangzhou.utf8), "hangzhou.txt", in: dir)
        let first = try run(dir)
        // A new document, and a changed one.
        _ = Fixtures.write(Array(Fixtures.ningbo.utf8), "ningbo.txt", in: dir)
        let added = try run(dir, into: first.graph)
        #expect(added.unchanged == ["hangzhou"])
        #expect(added.extracted == ["ningbo"])
        #expect(Fixtures.nTriples(added.graph) == Fixtures.nTriples(try run(dir).graph))
        let changed = Fixtures.hangzhou.replacingOccurrences(of: "开展《中华人民共和国水法》执法检查。", with: "修改《杭州市养犬管理条例》。")
        _ = Fixtures.write(Array(changed.utf8), "hangzhou.txt", in: dir)
        let replaced = try run(dir, into: added.graph)
        #expect(replaced.replaced == ["hangzhou"])
        #expect(replaced.unchanged == ["ningbo"])
        let fresh = try run(dir).graph
        #expect(Fixtures.nTriples(replaced.graph) == Fixtures.nTriples(fresh))
        #expect(!fresh.entities.values.contains { $0.label == "《中华人民共和国水法》" })
        // A name only the old version used goes too (中共杭州市委 → 杭州市委 stays, mentioned by the other).
        _ = Fixtures.write(Array((Fixtures.ningbo + "\n省委书记李强到杭州市委调研。").utf8), "ningbo.txt", in: dir)
        let before = try run(dir, into: replaced.graph)
        #expect(before.graph.entities.values.first { $0.label == "杭州市委" }?.aliases.contains("中共杭州市委") == true)
        _ = Fixtures.write(Array(changed.replacingOccurrences(of: "中共杭州市委", with: "杭州市委").utf8), "hangzhou.txt", in: dir)
        let renamed = try run(dir, into: before.graph)
        #expect(renamed.warnings.isEmpty)
        #expect(renamed.graph.entities.values.first { $0.label == "杭州市委" }?.aliases.contains("中共杭州市委") == false)
        #expect(Fixtures.nTriples(renamed.graph) == Fixtures.nTriples(try run(dir).graph))
    }

    /// Identical files under two names are two documents: a copy added to a collection is
    /// extracted, not taken for the document it copies.
    @Test func aCopyOfADocumentTheGraphHoldsIsADocumentOfItsOwn() throws {
        let dir = Fixtures.folder()
        _ = Fixtures.write(Array(Fixtures.hangzhou.utf8), "a.txt", in: dir)
        let first = try run(dir)
        _ = Fixtures.write(Array(Fixtures.hangzhou.utf8), "b.txt", in: dir)
        let added = try run(dir, into: first.graph)
        #expect(added.extracted == ["b"])
        #expect(added.unchanged == ["a"])
        #expect(added.graph.documents.keys.sorted() == ["a", "b"])
        #expect(Fixtures.nTriples(added.graph) == Fixtures.nTriples(try run(dir).graph))
    }

    /// A new file whose name another shares lengthens that one's id (`a` → `x/a`): the document
    /// is kept once, under the id a fresh run gives it, not also under its earlier id.
    @Test func aDocumentWhoseIdANewFileLengthenedIsKeptOnce() throws {
        let dir = Fixtures.folder()
        _ = Fixtures.write(Array(Fixtures.hangzhou.utf8), "x/a.txt", in: dir)
        let first = try run(dir)
        #expect(first.graph.documents.keys.sorted() == ["a"])
        _ = Fixtures.write(Array(Fixtures.ningbo.utf8), "y/a.txt", in: dir)
        let added = try run(dir, into: first.graph)
        #expect(added.renamed == ["a"])
        #expect(added.graph.documents.keys.sorted() == ["x/a", "y/a"])
        #expect(Fixtures.nTriples(added.graph) == Fixtures.nTriples(try run(dir).graph))
    }

    @Test func shardsExtractedApartMergeIntoTheSingleRunGraph() throws {
        let dir = Fixtures.folder()
        // The documents share facts (their evidence joins one edge), and each has one of its own.
        _ = Fixtures.write(Array((Fixtures.hangzhou + "常委会制定《杭州市河道管理条例》。").utf8), "a.txt", in: dir)
        _ = Fixtures.write(Array((Fixtures.hangzhou + "常委会修改《杭州市河道管理条例》。").utf8), "b.txt", in: dir)
        let items = try InputCollection(inputs: [dir.path]).items
        let extraction = CollectionExtraction(extractor: try Fixtures.extractor.get())
        var triples: [Triple] = []
        for shard in items { extraction.run([shard]).graph.forEachTriple { triples.append($0) } }
        let merged = Fixtures.nTriples(KnowledgeGraph(triples: triples)).split(separator: "\n")
        let single = Fixtures.nTriples(extraction.run(items).graph).split(separator: "\n")
        #expect(merged == single, "only merged: \(Set(merged).subtracting(single)), only single: \(Set(single).subtracting(merged))")
    }

    @Test func unreadableDocumentsAreReportedAndSkipped() throws {
        let dir = Fixtures.folder()
        _ = Fixtures.write(Array(Fixtures.hangzhou.utf8), "good.txt", in: dir)
        _ = Fixtures.write([0xFF, 0xFE, 0x00], "odd.txt", in: dir)           // UTF-16 mark, odd length
        _ = Fixtures.write([0x50, 0x4B, 0x03, 0x04, 0x00], "broken.docx", in: dir)
        _ = Fixtures.write([], "empty.txt", in: dir)
        let outcome = try run(dir)
        #expect(outcome.failures.map { ($0.path as NSString).lastPathComponent } == ["broken.docx", "empty.txt", "odd.txt"])
        #expect(outcome.failures.first { $0.path.hasSuffix("empty.txt") }?.message == "empty file")
        #expect(outcome.extracted == ["good"])
        #expect(outcome.graph.documents["empty"] == nil)   // an empty file is reported, not added as a document
        #expect(outcome.graph.entities.count > 3)
    }
}
