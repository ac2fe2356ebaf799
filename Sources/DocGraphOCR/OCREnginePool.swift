import Synchronization

/// Engines kept between documents, per language set: a collection run's
/// workers each borrow one for a page and give it back, so Tesseract loads
/// each model once per worker, not once per page or per document.
public final class OCREnginePool: Sendable {
    private let idle = Mutex<[String: [OCREngine]]>([:])

    public init() {}

    /// Runs `body` with an engine for `languages`, loading one when none is idle.
    public func withEngine<T>(languages: String, _ body: (OCREngine) throws -> T) throws -> T {
        let engine = try idle.withLock { $0[languages]?.popLast() } ?? OCREngine(languages: languages)
        defer { idle.withLock { $0[languages, default: []].append(engine) } }
        return try body(engine)
    }
}
