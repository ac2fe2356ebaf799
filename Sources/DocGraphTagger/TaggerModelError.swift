/// Why the tagger's model could not be loaded: names the file, and for a
/// missing or changed file the checksum it should have.
public struct TaggerModelError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The file does not exist or cannot be read.
        case missing
        /// The file's SHA-256 differs from the expected one (truncated, altered or another version).
        case checksumMismatch(actual: String)
        /// The file has the expected checksum but could not be decoded (a bug here, not in the file).
        case malformed(String)
    }

    /// The file's path.
    public var path: String
    /// The model file it was meant to be.
    public var file: ModelFile
    public var kind: Kind

    public var description: String { "\(path): error: \(message)" }

    /// What went wrong and what to do, without the path.
    public var message: String {
        let expected = "expected \(file.rawValue) of \(ModelFile.version) with SHA-256 \(file.sha256)"
        let hint = "run scripts/bootstrap.sh to fetch the model into Models/docgraph, or pass --model DIR"
        switch kind {
        case .missing: return "model file missing or unreadable; \(expected); \(hint)"
        case .checksumMismatch(let actual):
            return "model file has SHA-256 \(actual) (truncated or altered); \(expected); \(hint)"
        case .malformed(let why): return "model file could not be decoded: \(why)"
        }
    }
}
