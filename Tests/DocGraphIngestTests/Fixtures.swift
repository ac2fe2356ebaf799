import DocGraphExtract
import DocGraphModel
import DocGraphRDF
import Foundation

/// Rules, short documents and helpers shared by the ingest tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let extractor = Result { Extractor(rules: try ExtractionRules.load(directory: root.appendingPathComponent("Ontology").path)) }

    /// A congress report of an invented year, in the genre of the sample.
    static let hangzhou = """
        杭州市人大常委会2023年工作报告
        【发布时间:2024-01-20】
        2023年，在中共杭州市委的坚强领导下，市人大常委会依法履行职责。
        常委会制定《杭州市河道管理条例》，开展《中华人民共和国水法》执法检查。
        市委书记王明到常委会调研，王书记要求加强监督。
        """
    static let ningbo = """
        宁波市人大常委会2023年工作报告
        2023年，在市委的坚强领导下，市人大常委会制定《宁波市电梯安全条例》。
        """

    /// A fresh folder, removed when the process ends is not needed: the system cleans /tmp.
    static func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docgraph-ingest-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ bytes: [UInt8], _ name: String, in dir: URL) -> String {
        let url = dir.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url.path
    }

    /// The graph as N-Triples text, sorted: what a user would diff.
    static func nTriples(_ g: KnowledgeGraph) -> String {
        var lines: [String] = []
        g.forEachTriple { lines.append(NTriplesSerializer.line($0)) }
        return lines.sorted().joined()
    }

    /// Entities and relations only (documents differ in checksum and format across encodings).
    static func facts(_ g: KnowledgeGraph) -> String {
        var copy = KnowledgeGraph()
        for e in g.entities.values { copy.add(e) }
        for r in g.relations.values { copy.add(r) }
        return nTriples(copy)
    }
}
