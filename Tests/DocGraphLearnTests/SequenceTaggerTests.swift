import Foundation
import Testing
@testable import DocGraphLearn

struct SequenceTaggerTests {
    static let labels = ["O", "B-ORG", "I-ORG"]

    /// "x局" is an organization of two characters wherever it stands.
    static func sentences() -> (sentences: [SequenceTaggerTrainer.Sentence], names: [UInt64: String]) {
        var names: [UInt64: String] = [:]
        var out: [SequenceTaggerTrainer.Sentence] = []
        let texts = ["我们去x局看", "x局很好", "看看x局", "他和x局", "在x局里"]
        for text in texts + texts {
            let chars = Array(text.unicodeScalars)
            var positions: [[UInt64]] = []
            var gold: [Int] = []
            for (i, c) in chars.enumerated() {
                var f = FeatureSet(keepingNames: true)
                f.add("c", scalars: [c])
                f.add("next", scalars: i + 1 < chars.count ? [chars[i + 1]] : ["$"])
                for (h, n) in zip(f.hashes, f.names) { names[h] = n }
                positions.append(f.hashes)
                gold.append(c == "x" ? 1 : (c == "局" ? 2 : 0))
            }
            out.append(.init(positions: positions, labels: gold))
        }
        return (out, names)
    }

    @Test func learnsASpanAndDecodesItElsewhere() {
        let (sentences, names) = Self.sentences()
        let tagger = SequenceTaggerTrainer().train(sentences, labels: Self.labels, names: names)
        let chars = Array("谁说x局".unicodeScalars)
        let positions = chars.enumerated().map { i, c -> [UInt64] in
            var f = FeatureSet()
            f.add("c", scalars: [c])
            f.add("next", scalars: i + 1 < chars.count ? [chars[i + 1]] : ["$"])
            return f.hashes
        }
        let spans = tagger.spans(tagger.decode(positions))
        #expect(spans.count == 1)
        #expect(spans.first?.range == 2..<4)
        #expect(spans.first?.kind == "ORG")
    }

    @Test func anInsideLabelNeverStartsASpan() {
        let tagger = SequenceTagger(labels: Self.labels, emissions: [("c=a", [0, 0, 100])], transitions: [])
        var f = FeatureSet()
        f.add("c", "a")
        let tags = tagger.decode([f.hashes, f.hashes])
        #expect(tags.first != 2)
    }

    @Test func trainingIsTheSameTwiceAndSurvivesItsFile() throws {
        let (sentences, names) = Self.sentences()
        let a = SequenceTaggerTrainer().train(sentences, labels: Self.labels, names: names)
        let b = SequenceTaggerTrainer().train(sentences, labels: Self.labels, names: names)
        let text = WeightFile.write(a, comment: "t")
        #expect(text == WeightFile.write(b, comment: "t"))
        let path = "/tmp/docgraph-seq-\(UInt32.random(in: 0...UInt32.max)).weights"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(WeightFile.write(try WeightFile.readSequence(path: path), comment: "t") == text)
    }
}
