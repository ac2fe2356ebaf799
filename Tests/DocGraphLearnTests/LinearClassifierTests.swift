import Foundation
import Testing
@testable import DocGraphLearn

struct LinearClassifierTests {
    /// Examples where the word before decides the label, with a feature shared by all as noise.
    static func examples() -> (examples: [LinearClassifierTrainer.Example], names: [UInt64: String]) {
        var names: [UInt64: String] = [:]
        var out: [LinearClassifierTrainer.Example] = []
        for i in 0..<60 {
            var f = FeatureSet(keepingNames: true)
            let word = ["制定", "开展", "看到"][i % 3]
            f.add("before", word)
            f.add("shared")
            for (h, n) in zip(f.hashes, f.names) { names[h] = n }
            out.append(.init(features: f.hashes, allowed: [0, 1, 2], label: i % 3))
        }
        return (out, names)
    }

    @Test func learnsTheWordThatDecidesTheLabel() {
        let (examples, names) = Self.examples()
        let model = LinearClassifierTrainer().train(examples, labels: ["none", "enacted", "organized"], names: names)
        var f = FeatureSet()
        f.add("before", "开展")
        f.add("shared")
        let p = model.probabilities(f.hashes, allowed: [0, 1, 2])
        #expect(p[1] > 0.8)
        #expect(abs(p.reduce(0, +) - 1) < 1e-9)
    }

    @Test func labelsOutsideTheAllowedOnesGetNothing() {
        let (examples, names) = Self.examples()
        let model = LinearClassifierTrainer().train(examples, labels: ["none", "enacted", "organized"], names: names)
        var f = FeatureSet()
        f.add("before", "开展")
        let p = model.probabilities(f.hashes, allowed: [0, 2])
        #expect(p[1] == 0)
        #expect(abs(p[0] + p[2] - 1) < 1e-9)
    }

    @Test func theSameExamplesGiveTheSameWeightFile() {
        let (examples, names) = Self.examples()
        let a = WeightFile.write(LinearClassifierTrainer().train(examples, labels: ["none", "a", "b"], names: names), comment: "test")
        let b = WeightFile.write(LinearClassifierTrainer().train(examples, labels: ["none", "a", "b"], names: names), comment: "test")
        #expect(a == b)
    }

    @Test func aWeightFileReadsBackToTheSameModel() throws {
        let (examples, names) = Self.examples()
        let model = LinearClassifierTrainer().train(examples, labels: ["none", "a", "b"], names: names)
        let text = WeightFile.write(model, comment: "test")
        let path = "/tmp/docgraph-weights-\(UInt32.random(in: 0...UInt32.max)).weights"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let read = try WeightFile.readLinear(path: path)
        #expect(WeightFile.write(read, comment: "test") == text)
        #expect(read.scores(examples[0].features) == model.scores(examples[0].features))
    }

    @Test func aNameWithATabOrLineBreakSurvivesTheFile() throws {
        let model = LinearClassifier(labels: ["none", "a"], table: [("w=a\tb\\c\nd", [1, -2])])
        let path = "/tmp/docgraph-weights-\(UInt32.random(in: 0...UInt32.max)).weights"
        try WeightFile.write(model, comment: "x").write(toFile: path, atomically: true, encoding: .utf8)
        let read = try WeightFile.readLinear(path: path)
        #expect(read.table.map(\.name) == ["w=a\tb\\c\nd"])
    }

    @Test(arguments: [
        ("kind\tlinear\nlabels\tnone\ta\nw=x\t1\n", 3, "1 weights where there are 2 labels"),
        ("kind\tlinear\nlabels\tnone\ta\nw=x\t1\tzz\n", 3, "'zz' is not an integer weight"),
        ("labels\tnone\ta\n", nil, "no 'kind' line: not a file of trained weights"),
    ] as [(String, Int?, String)])
    func aBrokenWeightFileNamesTheLineAndTheFault(text: String, line: Int?, message: String) throws {
        let path = "/tmp/docgraph-weights-\(UInt32.random(in: 0...UInt32.max)).weights"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: WeightFile.Error(path: path, line: line, message: message)) { try WeightFile.readLinear(path: path) }
    }

    @Test func theExponentialIsExactEnough() {
        for x in stride(from: -30.0, through: 0, by: 0.37) {
            #expect(abs(LinearClassifier.exp(x) - Foundation.exp(x)) <= 1e-14 * Foundation.exp(x))
        }
    }
}
