import Foundation
import Testing

/// A collection listed once (`docgraph documents`), extracted in parts
/// (`extract --list`), and merged (`docgraph merge`) gives the graph one
/// `extract` run over all of it writes, byte for byte.
struct ShardedExtractionTests {
    /// Documents whose names collide across folders, one twice with two extensions.
    func collection(in dir: URL) throws -> URL {
        let docs = dir.appendingPathComponent("docs")
        let samples = CLI.root.appendingPathComponent("Tests/Fixtures/samples/own")
        let layout = [("05-ningbo-npc-2023", "2023/report.txt"), ("06-chengdu-court-2023", "2024/report.txt"),
                      ("07-shaoxing-gov-2024", "2024/report.md"), ("05-ningbo-npc-2023", "ningbo/notice.txt"),
                      ("07-shaoxing-gov-2024", "shaoxing/notice.txt")]
        for (sample, path) in layout {
            let target = docs.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: samples.appendingPathComponent(sample + ".txt"), to: target)
        }
        return docs
    }

    func path(_ name: String, in dir: URL) -> String { dir.appendingPathComponent(name).path }

    func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    }

    @Test func documentsListsEachPathWithTheIdExtractGivesIt() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = try collection(in: dir)
        let r = try CLI.run(["documents", docs.path])
        #expect(r.status == 0, "\(r.stderr)")
        let root = docs.path
        #expect(r.stdout == """
            \(root)/2023/report.txt\t2023/report
            \(root)/2024/report.md\t\(root.dropFirst())/2024/report.md
            \(root)/2024/report.txt\t\(root.dropFirst())/2024/report.txt
            \(root)/ningbo/notice.txt\tningbo/notice
            \(root)/shaoxing/notice.txt\tshaoxing/notice

            """)
    }

    /// `docgraph documents docs > lists/all.tsv; docgraph extract --list lists/all.tsv`: a list's
    /// relative paths are relative to the current folder, as `documents` prints them (and as on the
    /// command line), wherever the list file is kept.
    @Test func aListThatDocumentsPrintedIsReadFromAnyFolder() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try collection(in: dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lists"), withIntermediateDirectories: true)
        let listed = try CLI.run(["documents", "docs"], in: dir)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.hasPrefix("docs/2023/report.txt\t2023/report\n"))
        try listed.stdout.write(to: dir.appendingPathComponent("lists/all.tsv"), atomically: true, encoding: .utf8)
        let fromList = try CLI.run(["extract", "-q", "--tagger", "rules", "--list", "lists/all.tsv", "-o", "from-list.nt"], in: dir)
        #expect(fromList.status == 0, "\(fromList.stderr)")
        #expect(try CLI.run(["extract", "-q", "--tagger", "rules", "docs", "-o", "direct.nt"], in: dir).status == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("from-list.nt")) == Data(contentsOf: dir.appendingPathComponent("direct.nt")))
    }

    @Test func partsExtractedApartMergeIntoTheSingleRunByteForByte() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = try collection(in: dir)
        let listed = try CLI.run(["documents", docs.path]).stdout.split(separator: "\n")
        let first = dir.appendingPathComponent("first.tsv")
        try listed.enumerated().filter { $0.offset % 2 == 0 }.map { $0.element + "\n" }.joined()
            .write(to: first, atomically: true, encoding: .utf8)
        let second = listed.enumerated().filter { $0.offset % 2 == 1 }.map { $0.element + "\n" }.joined()
        let (a, b, merged, single) = (path("a.nt", in: dir), path("b.nt", in: dir), path("merged.nt", in: dir), path("single.nt", in: dir))
        #expect(try CLI.run(["extract", "-q", "--jobs", "1", "--list", first.path, "-o", a]).status == 0)
        let fromStdin = try CLI.run(["extract", "-q", "--jobs", "1", "--list", "-", "-o", b], stdin: second)
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        let m = try CLI.run(["merge", a, b, "-o", merged])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(try CLI.run(["extract", "-q", docs.path, "-o", single]).status == 0)
        #expect(try lines(a) != lines(single))
        #expect(try Data(contentsOf: URL(fileURLWithPath: merged)) == Data(contentsOf: URL(fileURLWithPath: single)))
    }

    @Test func mergeKeepsTheHighestConfidenceAndEveryName() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (a, b, merged, lowOnly) = (path("a.nt", in: dir), path("b.nt", in: dir), path("merged.nt", in: dir), path("low.nt", in: dir))
        #expect(try CLI.run(["extract", "-q", "Tests/Fixtures/samples/own/05-ningbo-npc-2023.txt", "-o", a]).status == 0)
        let original = try lines(a)
        let confidence = try #require(original.first { $0.contains("ontology#confidence>") && !$0.contains("\"0.1\"") })
        let label = try #require(original.first { $0.contains("core#prefLabel>") })
        let lowered = confidence.replacingOccurrences(of: #""[0-9.]+""#, with: "\"0.1\"", options: .regularExpression)
        let alias = label.replacingOccurrences(of: "core#prefLabel>", with: "core#altLabel>")
            .replacingOccurrences(of: "\"@zh-Hans", with: "（另称）\"@zh-Hans")
        let other = original.map { $0 == confidence ? lowered : String($0) } + [alias]
        try (other.joined(separator: "\n") + "\n").write(toFile: b, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["merge", a, b, "-o", merged]).status == 0)
        #expect(try CLI.run(["merge", b, "-o", lowOnly]).status == 0)
        let result = try lines(merged)
        #expect(result.contains(confidence))
        #expect(!result.contains(Substring(lowered)))
        #expect(result.contains(Substring(alias)))
        #expect(try lines(lowOnly).contains(Substring(lowered)))
        #expect(try CLI.run(["merge", b, a, "-o", lowOnly]).status == 0)
        #expect(try lines(lowOnly) == result)
    }

    @Test func oneIdForTwoDocumentsIsAnErrorNamingThem() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = try collection(in: dir)
        let list = "\(docs.path)/2023/report.txt\treport\n\(docs.path)/2024/report.txt\treport\n"
        let r = try CLI.run(["extract", "--list", "-", "-o", dir.appendingPathComponent("o.nt").path], stdin: list)
        #expect(r.status == 1)
        #expect(r.stderr == "\(docs.path)/2024/report.txt: error: id 'report' is also the id of '\(docs.path)/2023/report.txt'; every document needs its own\n")
    }
}
