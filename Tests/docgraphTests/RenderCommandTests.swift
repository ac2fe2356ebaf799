import Foundation
import Testing

/// `docgraph render`: pictures of a graph, the same every time, and clear errors.
struct RenderCommandTests {
    static let sample = "Exports/suzhou-npc-2024.graphml"

    @Test func theSampleDrawsAsTheSameSVGAndPNGInEveryRun() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var runs: [[Data]] = []
        for k in 1...2 {
            let svg = dir.appendingPathComponent("\(k).svg"), png = dir.appendingPathComponent("\(k).png")
            let r = try CLI.run(["render", Self.sample, "-o", svg.path, "-o", png.path])
            #expect(r.status == 0, "\(r.stderr)")
            runs.append([try Data(contentsOf: svg), try Data(contentsOf: png)])
        }
        #expect(runs[0] == runs[1])
        let svg = String(decoding: runs[0][0], as: UTF8.self)
        // One node group per entity of the sample (54), and its names written as text.
        #expect(svg.components(separatedBy: "class=\"node ").count - 1 == 54)
        // The legend, a table above the picture, names each class drawn with its shape.
        for entry in ["Organization (box)", "Person (ellipse)", "Regulation (note)", "Program (hexagon)"] {
            #expect(svg.contains(">\(entry)</text>"), "legend entry \(entry)")
        }
        #expect(svg.contains(">苏州市人大常委会</text>"))
        #expect(runs[0][1].starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func aFocusDrawsItsNeighbourhoodAndAnUnknownOneSuggestsNames() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dot = dir.appendingPathComponent("f.dot")
        let r = try CLI.run(["render", Self.sample, "--focus", "苏州市委", "-o", dot.path])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: dot, encoding: .utf8)
        #expect(text.contains("layout=dot"))
        #expect(text.contains("label=\"苏州市委\""))
        let bad = try CLI.run(["render", Self.sample, "--focus", "苏州市委会", "-o", dir.appendingPathComponent("x.svg").path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("no entity is called '苏州市委会'; did you mean '苏州市委'"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.svg").path))
    }

    @Test func aCapSaysWhatItLeftOut() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("m.svg")
        let r = try CLI.run(["render", Self.sample, "--max-nodes", "5", "-o", svg.path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("drew 5 of 54 entities"))
        #expect(try String(contentsOf: svg, encoding: .utf8).contains("5 of 54 entities drawn"))
    }

    @Test func anUnknownPictureFormatIsBadUsage() throws {
        let r = try CLI.run(["render", Self.sample, "-o", "picture.gif"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("cannot tell the picture format of 'picture.gif'"))
    }
}
