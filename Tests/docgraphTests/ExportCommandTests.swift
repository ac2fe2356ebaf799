import Foundation
import Testing

struct ExportCommandTests {
    static let sample = CLI.root.appendingPathComponent("Exports/suzhou-npc-2024.graphml").path

    static func files(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    @Test func eachTargetWritesTheSameBytesInEveryRunAndAFolderIsReplacedWhole() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for target in ["cypher", "neo4j", "kuzu"] {
            var runs: [[String: Data]] = []
            for k in 1...2 {
                // The second run writes over the first: a folder of an earlier export is replaced.
                let out = dir.appendingPathComponent(target == "cypher" ? "graph-\(k).cypher" : target)
                let r = try CLI.run(["export", Self.sample, "--to", target, "-o", out.path])
                #expect(r.status == 0, "\(r.stderr)")
                runs.append(target == "cypher" ? ["script": try Data(contentsOf: out)] : try Self.files(out))
            }
            #expect(runs[0] == runs[1])
        }
        let neo4j = try Self.files(dir.appendingPathComponent("neo4j"))
        #expect(neo4j["import.sh"] != nil && neo4j["nodes-Organization.csv"] != nil)
        let kuzu = try Self.files(dir.appendingPathComponent("kuzu"))
        #expect(kuzu["schema.cypher"] != nil && kuzu["load.cypher"] != nil)
        // Nothing is left beside the outputs.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["graph-1.cypher", "graph-2.cypher", "kuzu", "neo4j"])
    }

    @Test func aFolderHoldingOtherFilesIsNeverReplaced() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notes = dir.appendingPathComponent("notes.txt")
        try Data("keep me".utf8).write(to: notes)
        let r = try CLI.run(["export", Self.sample, "--to", "kuzu", "-o", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: the folder holds 'notes.txt', which an export does not write"))
        #expect(try String(contentsOf: notes, encoding: .utf8) == "keep me")
    }

    @Test(arguments: [
        (["--to", "graphml"], "--to"),
        (["--to", "kuzu", "--dialect", "memgraph"], "--dialect applies to --to cypher only"),
    ])
    func badUsageExits64(arguments: [String], message: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["export", Self.sample] + arguments + ["-o", dir.appendingPathComponent("x").path])
        #expect(r.status == 64)
        #expect(r.stderr.contains(message))
    }
}
