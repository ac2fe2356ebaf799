import Foundation
import Testing
import DocGraphModel
@testable import DocGraphRDF

/// The W3C RDF 1.1 RDF/XML test suite, run from its manifest.
struct RDFXMLConformanceTests {
    static let suite = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/conformance/rdf-xml")
    static let testBase = "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-xml/"

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var positive: Bool
        var action: String
        var result: String?
        var description: String { name }
    }

    /// Tests skipped on purpose, with the reason. Empty: every test runs.
    static let skipped: [String: String] = [:]

    /// Reads `mf:entries` of the manifest: each test block names its type,
    /// action and result, one per block, which a line-oriented read handles.
    static func cases() throws -> [Case] {
        let text = try String(contentsOf: suite.appendingPathComponent("manifest.ttl"), encoding: .utf8)
        var out: [Case] = []
        for block in text.components(separatedBy: "\n<#").dropFirst() {
            guard let end = block.firstIndex(of: ">") else { continue }
            let name = String(block[..<end])
            let positive: Bool
            if block.contains("rdft:TestXMLEval") { positive = true }
            else if block.contains("rdft:TestXMLNegativeSyntax") { positive = false }
            else { continue }
            func field(_ key: String) -> String? {
                guard let r = block.range(of: key + " <") else { return nil }
                let rest = block[r.upperBound...]
                return rest.firstIndex(of: ">").map { String(rest[..<$0]) }
            }
            guard let action = field("mf:action") else { continue }
            out.append(Case(name: name, positive: positive, action: action, result: field("mf:result")))
        }
        return out
    }

    static func parseRDFXML(_ action: String) throws -> [Triple] {
        var sink = TripleCollector()
        try RDFXMLParser(base: testBase + action).parse(path: suite.appendingPathComponent(action).path, into: &sink)
        return sink.triples
    }

    static func parseNTriples(_ path: String) throws -> [Triple] {
        var sink = TripleCollector()
        try NTriplesParser.parse(path: suite.appendingPathComponent(path).path, into: &sink)
        return sink.triples
    }

    @Test func manifestListsTheWholeSuite() throws {
        let all = try Self.cases()
        #expect(all.filter(\.positive).count == 126)
        #expect(all.filter { !$0.positive }.count == 40)
    }

    @Test(arguments: try cases())
    func conformance(_ c: Case) throws {
        if let reason = Self.skipped[c.name] {
            print("skipped \(c.name): \(reason)")
            return
        }
        if c.positive {
            let got = try Self.parseRDFXML(c.action)
            let expected = try Self.parseNTriples(try #require(c.result))
            let same = GraphIsomorphism.isIsomorphic(got, expected)
            #expect(same, "\(c.name): got\n\(got.map(NTriplesSerializer.line).joined())")
        } else {
            #expect(throws: ParseError.self, "\(c.name) must be rejected") { try Self.parseRDFXML(c.action) }
        }
    }

    @Test func reportsPassCount() throws {
        var passed = 0, failed: [String] = []
        let all = try Self.cases()
        for c in all where Self.skipped[c.name] == nil {
            let ok: Bool
            if c.positive {
                ok = (try? GraphIsomorphism.isIsomorphic(Self.parseRDFXML(c.action), Self.parseNTriples(c.result ?? ""))) ?? false
            } else {
                ok = (try? Self.parseRDFXML(c.action)) == nil
            }
            if ok { passed += 1 } else { failed.append(c.name) }
        }
        print("W3C RDF/XML suite: \(passed) of \(all.count) passed, \(Self.skipped.count) skipped\(failed.isEmpty ? "" : "; failing: " + failed.joined(separator: ", "))")
        #expect(failed.isEmpty)
    }
}
