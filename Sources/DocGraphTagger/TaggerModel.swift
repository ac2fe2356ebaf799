#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CDocGraphTaggerKernels
import Crypto
import FoundationEssentials

/// Baidu LAC's character-level BiGRU-CRF (lexical analysis: words, parts of
/// speech and PER/LOC/ORG/TIME names), run natively.
///
/// Load it once with ``load(directory:)`` (it checks every file's SHA-256
/// against ``ModelFile``), then call ``tag(_:)`` from any thread.
public struct TaggerModel: Sendable {
    let vocabulary: TaggerVocabulary
    let weights: TaggerWeights
    let cache: ProjectionCache

    /// The model folder's path inside a home folder.
    public static let folderName = "Models/docgraph"

    /// The model folder to use (the tagger's files, and trained weights beside them): `explicit`
    /// (a `--model DIR` value) if given, else `$DOCGRAPH_MODEL`, else `Models/docgraph` in the
    /// first of the program's home folders that holds the model (the `docgraph` program passes
    /// `$DOCGRAPH_HOME`, or the working folder and those beside and above the program).
    public static func locate(explicit: String?, homes: [String] = ["."]) -> String? {
        let fm = FileManager.default
        func valid(_ dir: String) -> Bool { fm.fileExists(atPath: dir + "/" + ModelFile.encoder.rawValue) }
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["DOCGRAPH_MODEL"], valid(env) { return env }
        for home in homes {
            let candidate = home == "." ? folderName : home + "/" + folderName
            if valid(candidate) { return candidate }
        }
        return nil
    }

    /// Reads and checks the five model files in `directory`.
    /// - Throws: ``TaggerModelError`` naming the first file that is missing,
    ///   does not have its expected checksum, or cannot be decoded.
    public static func load(directory: String) throws(TaggerModelError) -> TaggerModel {
        func read(_ file: ModelFile) throws(TaggerModelError) -> (String, Data) {
            let path = directory + "/" + file.rawValue
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TaggerModelError(path: path, file: file, kind: .missing)
            }
            let actual = SHA256.hash(data: data).map { String(format2: $0) }.joined()
            guard actual == file.sha256 else {
                throw TaggerModelError(path: path, file: file, kind: .checksumMismatch(actual: actual))
            }
            return (path, data)
        }
        let (encoderPath, encoder) = try read(.encoder)
        let (transitionsPath, transitions) = try read(.transitions)
        let words = try read(.vocabulary).1
        let normalization = try read(.normalization).1
        let tags = try read(.tags).1

        let initializers: ONNXInitializers
        do {
            initializers = try encoder.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws(ProtobufError) in
                try ONNXInitializers(bytes: raw)
            }
        } catch {
            throw TaggerModelError(path: encoderPath, file: .encoder, kind: .malformed("\(error)"))
        }
        let crf: NPYArray
        do {
            crf = try transitions.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws(NPYArray.Failure) in
                try NPYArray(bytes: raw)
            }
        } catch {
            throw TaggerModelError(path: transitionsPath, file: .transitions, kind: .malformed("\(error)"))
        }
        let weights: TaggerWeights
        do {
            weights = try TaggerWeights(initializers, transitions: crf)
        } catch {
            throw TaggerModelError(path: encoderPath, file: .encoder, kind: .malformed(error.message))
        }
        let vocabulary = TaggerVocabulary(
            words: String(decoding: words, as: UTF8.self), normalization: String(decoding: normalization, as: UTF8.self),
            tags: String(decoding: tags, as: UTF8.self), tagCount: weights.tagCount)
        guard vocabulary.size <= weights.vocabularySize else {
            throw TaggerModelError(
                path: directory + "/" + ModelFile.vocabulary.rawValue, file: .vocabulary,
                kind: .malformed("\(vocabulary.size) ids for an embedding of \(weights.vocabularySize) rows"))
        }
        return TaggerModel(vocabulary: vocabulary, weights: weights, cache: ProjectionCache(weights: weights))
    }
}

extension String {
    /// Two lowercase hex digits.
    fileprivate init(format2 byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
