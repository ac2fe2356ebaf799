import Foundation
import Testing
import DocGraphLearn

/// Listing annotated documents: nested folders, gold beside its document, genres, and the errors.
struct AnnotatedCorpusTests {
    /// A fresh folder holding `files` (relative path → contents).
    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID())")
        for (path, contents) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    static func gold(genre: String? = nil) -> String {
        let g = genre.map { "\"genre\": \"\($0)\", " } ?? ""
        return "{\(g)\"entities\": [{\"id\": \"a\", \"type\": \"Organization\", \"name\": \"岚溪市委\"}], \"relations\": []}"
    }

    @Test func listsNestedFoldersSortedWithGenresFromGoldOrNamePrefix() throws {
        let root = try Self.folder([
            "b/legislation-01-lanxi.txt": "岚溪市人大常委会",
            "b/legislation-01-lanxi.json": Self.gold(genre: "government"),
            "a/deep/er/report-2.html": "<p>岚溪</p>",
            "a/deep/er/report-2.json": Self.gold(),
            "a/plain.txt": "no dash in the name",
            "a/plain.json": Self.gold(),
            "a/notes.md": "no gold beside it",
            "SOURCES.tsv": "no gold either",
            ".hidden/x.txt": "hidden folders are not walked",
            ".hidden/x.json": Self.gold(),
            "a/.y.txt": "hidden files are not documents",
            "a/.y.json": Self.gold(),
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let corpus = try AnnotatedCorpus(roots: [root + "/"])
        #expect(corpus.items.map(\.documentPath) == [root + "/a/deep/er/report-2.html", root + "/a/plain.txt", root + "/b/legislation-01-lanxi.txt"])
        #expect(corpus.items.map(\.goldPath) == [root + "/a/deep/er/report-2.json", root + "/a/plain.json", root + "/b/legislation-01-lanxi.json"])
        #expect(corpus.items.map(\.name) == ["report-2", "plain", "legislation-01-lanxi"])
        #expect(corpus.items.map(\.genre) == ["report", "plain", "government"])
        #expect(corpus.items[0].gold.entities.map(\.name) == ["岚溪市委"])
        #expect(corpus.passedOver == [root + "/SOURCES.tsv", root + "/a/notes.md"])
    }

    @Test func overlappingRootsAndDocumentsNamedOneByOneGiveEachDocumentOnce() throws {
        let root = try Self.folder(["x/a-1.txt": "甲", "x/a-1.json": Self.gold(), "b-2.txt": "乙", "b-2.json": Self.gold()])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let corpus = try AnnotatedCorpus(roots: [root + "/x", root, root + "/x/a-1.txt"])
        #expect(corpus.items.map(\.name) == ["b-2", "a-1"])
    }

    /// A corpus that cannot be listed as it is, and the error it gives.
    struct BrokenCorpus: Sendable, CustomTestStringConvertible {
        var name: String
        var files: [String: String]
        var root: String
        var kind: GoldError.Kind
        /// The path the error names, relative to the folder.
        var path: String
        var message: String
        var testDescription: String { name }
    }

    static let broken: [BrokenCorpus] = [
        BrokenCorpus(name: "gold without document", files: ["a/x.txt": "", "a/x.json": gold(), "a/b/orphan.json": gold()], root: "",
                     kind: .goldWithoutDocument, path: "a/b/orphan.json",
                     message: "no document beside this gold file (expected orphan.txt or another orphan.* file)"),
        BrokenCorpus(name: "two documents for one gold file", files: ["p.txt": "", "p.html": "", "p.json": gold()], root: "",
                     kind: .ambiguousDocument, path: "p.json",
                     message: "two documents for one gold file: p.html and p.txt; keep one, or give the other its own name"),
        BrokenCorpus(name: "a root that does not exist", files: [:], root: "missing", kind: .noSuchFolder, path: "missing",
                     message: "no such folder or file"),
        BrokenCorpus(name: "a document named without its gold", files: ["d.txt": ""], root: "d.txt", kind: .goldWithoutDocument,
                     path: "d.txt", message: "no gold file beside it (expected {}/d.json)"),
        BrokenCorpus(name: "a broken gold file", files: ["q.txt": "", "q.json": "{\"entities\": [}"], root: "",
                     kind: .malformedJSON, path: "q.json", message: "expected a value, found '}'"),
    ]

    @Test(arguments: broken)
    func aBrokenCorpusNamesTheFile(_ c: BrokenCorpus) throws {
        let dir = try Self.folder(c.files)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let root = c.root.isEmpty ? dir : dir + "/" + c.root
        #expect {
            try AnnotatedCorpus(roots: [root])
        } throws: { error in
            guard let e = error as? GoldError else { return false }
            #expect(e.kind == c.kind)
            #expect(e.path == dir + "/" + c.path)
            #expect(e.message == c.message.replacingOccurrences(of: "{}", with: dir))
            return true
        }
    }
}
