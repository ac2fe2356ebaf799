import Foundation
import Testing
import DocGraphModel
@testable import DocGraphExtract

/// `rules/policy.tsv`: the extractor's numbers are data, changed without a rebuild.
struct PolicyTests {
    /// A copy of the project's Ontology/ folder with `policy` as its rules/policy.tsv.
    func ontology(policy: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ontology-\(UUID())")
        try FileManager.default.copyItem(at: ExtractorTests.root.appendingPathComponent("Ontology"), to: dir)
        try policy.write(to: dir.appendingPathComponent("rules/policy.tsv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func thePolicySetsTheConfidenceOfAPostReadByTheRules() throws {
        let dir = try ontology(policy: "post-title.confidence\t0.7\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let rules = try ExtractionRules.load(directory: dir.path)
        #expect(rules.policy.postTitleConfidence == 0.7)
        #expect(rules.policy.partOfConfidence == ExtractionPolicy().partOfConfidence)
        let g = Extractor(rules: rules).extract(TextDocument(id: "t", text: "杭州市人大常委会工作报告\n市委书记王明出席会议。", checksum: ""))
        let post = g.relations.values.first { $0.predicate == DG.term("holdsPosition") }
        #expect(post?.confidence == 0.7)
        #expect(Extractor(rules: rules).confidence(ofRule: "holdsPosition.post-title") == 0.7)
    }

    @Test func theShippedPolicyIsTheDefault() throws {
        #expect(try ExtractorTests.rules.get().policy == ExtractionPolicy())
    }

    @Test(arguments: [
        ("post-title.confidence\t0.7\nmodel.threshold\t0.5\n", 2, 1, "unknown setting 'model.threshold'"),
        ("post-title.confidence\t1.5\n", 1, 23, "'1.5' is not a number from 0 to 1"),
        ("post-title.confidence\n", 1, 1, "expected 2 tab-separated columns (name, value), found 1"),
        ("post-title.confidence\t0.7\npost-title.confidence\t0.8\n", 2, 1, "'post-title.confidence' is set twice"),
    ])
    func aMistakeInThePolicyNamesItsLine(text: String, line: Int, column: Int, message: String) throws {
        let dir = try ontology(policy: text)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try ExtractionRules.load(directory: dir.path)
            Issue.record("loaded a broken policy")
        } catch let e as ParseError {
            #expect(e.line == line)
            #expect(e.column == column)
            #expect(e.message.hasPrefix(message), "\(e.message)")
            #expect(e.source.hasSuffix("rules/policy.tsv"))
        }
    }
}
