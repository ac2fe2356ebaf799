import Foundation
import Testing

/// The committed `Exports/` are goldens: they must be exactly what the
/// code produces now. Regenerate with the README's first command.
struct ExportsTests {
    static let sample = "Tests/Fixtures/samples/suzhou-npc-2024.txt"

    @Test func committedExportsAreWhatTheCodeProducesNow() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rdf = dir.appendingPathComponent("suzhou-npc-2024.rdf").path
        let gml = dir.appendingPathComponent("suzhou-npc-2024.graphml").path
        let r = try CLI.run(["extract", Self.sample, "-o", rdf, "-o", gml])
        #expect(r.status == 0, "\(r.stderr)")
        for (fresh, name) in [(rdf, "suzhou-npc-2024.rdf"), (gml, "suzhou-npc-2024.graphml")] {
            let committed = try Data(contentsOf: CLI.root.appendingPathComponent("Exports/" + name))
            let now = try Data(contentsOf: URL(fileURLWithPath: fresh))
            #expect(committed == now, "Exports/\(name) is stale: run the README's first command and commit the result")
        }
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [Data] = []
        for k in 0..<2 {
            let path = dir.appendingPathComponent("run\(k).nt").path
            let r = try CLI.run(["extract", Self.sample, "-o", path])
            #expect(r.status == 0)
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(outputs[0] == outputs[1])
        #expect(!outputs[0].isEmpty)
    }

    /// Whether `validate` found `path` valid: exit 0, no error line, and its last line the
    /// verdict `PATH: valid (…)` (a bare "valid" would also match "invalid").
    static func passedValidation(_ r: CLI.Result, _ path: String) -> Bool {
        let lines = r.stdout.split(separator: "\n")
        return r.status == 0 && !lines.contains { $0.contains(": error") || $0.hasPrefix("error") }
            && lines.last?.hasPrefix("\(path): valid (") == true
    }

    @Test func exportsPassValidation() throws {
        for name in ["suzhou-npc-2024.rdf", "suzhou-npc-2024.graphml"] {
            let r = try CLI.run(["validate", "Exports/" + name])
            #expect(Self.passedValidation(r, "Exports/" + name), "\(r.stdout)\(r.stderr)")
        }
    }

    @Test func aGraphWithAnErrorDoesNotPassTheExportsCheck() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad.nt").path
        // An entity of a class the ontology does not declare.
        try Data("<https://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/docgraph/ontology#Invalidity> .\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let r = try CLI.run(["validate", path])
        #expect(r.status != 0)
        // A bare "valid", the check this one replaced, is in this report ("Invalidity") and passed it.
        #expect(r.stdout.contains("valid"))
        #expect(!Self.passedValidation(r, path), "\(r.stdout)\(r.stderr)")
    }

    @Test func theSampleGraphHoldsItsAuthorAndRegulations() throws {
        let r = try CLI.run(["stats", "Exports/suzhou-npc-2024.graphml"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Organization\t"))
        #expect(r.stdout.contains("Regulation\t"))
        #expect(r.stdout.contains("enacted\t"))
        let gml = try String(contentsOf: CLI.root.appendingPathComponent("Exports/suzhou-npc-2024.graphml"), encoding: .utf8)
        #expect(gml.contains("<data key=\"label\">苏州市人大常委会</data>"))
        #expect(gml.contains("《苏州市慈善促进条例》"))
    }
}
