import Foundation
import Testing

/// `docgraph convert` to GraphML and back, as a user runs it.
struct ConvertGraphMLTests {
    func lines(_ p: String) throws -> [Substring] {
        try String(contentsOfFile: p, encoding: .utf8).split(separator: "\n").sorted()
    }

    @Test func theExtractedSampleComesBackTripleForTripleThroughGraphML() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graphML = dir.appendingPathComponent("g.graphml").path
        let back = dir.appendingPathComponent("back.nt").path, direct = dir.appendingPathComponent("direct.nt").path
        #expect(try CLI.run(["convert", "Exports/suzhou-npc-2024.rdf", graphML]).status == 0)
        #expect(try CLI.run(["convert", graphML, back]).status == 0)
        #expect(try CLI.run(["convert", "Exports/suzhou-npc-2024.rdf", direct]).status == 0)
        #expect(try lines(back) == lines(direct))
    }

    @Test func propertyGraphGivesTheGraphMLExtractWrites() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graphML = dir.appendingPathComponent("g.graphml").path
        #expect(try CLI.run(["convert", "--property-graph", "Exports/suzhou-npc-2024.rdf", graphML]).status == 0)
        let export = CLI.root.appendingPathComponent("Exports/suzhou-npc-2024.graphml").path
        #expect(FileManager.default.contents(atPath: graphML) == FileManager.default.contents(atPath: export))
        let r = try CLI.run(["convert", "--property-graph", "Exports/suzhou-npc-2024.rdf", dir.appendingPathComponent("g.nt").path])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--property-graph applies to a .graphml output only"))
    }
}
