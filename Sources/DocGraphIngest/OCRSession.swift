import DocGraphOCR

/// The OCR of one document: which languages, decided once from the text
/// of its first pages unless the user named them, with engines borrowed
/// from the reader's pool page by page.
struct OCRSession {
    let reader: DocumentReader
    private var languages: String
    private(set) var decided: Bool
    private var hanSeen = 0
    /// The language sets used, for the document's format line.
    private(set) var used: Set<String> = []

    init(reader: DocumentReader) {
        self.reader = reader
        languages = reader.paged.ocrLanguages ?? "chi_sim"
        decided = reader.paged.ocrLanguages != nil
    }

    /// Recognises one page with `recognize`. Until the document's script is decided, a page is
    /// also read with the traditional model when the simplified one is unsure of it, and the
    /// reading Tesseract is surer of wins: the simplified model reads a traditional page as
    /// simplified characters (so the text alone cannot tell), but with less confidence
    /// (measured on a traditional page: 0.81 simplified, 0.91 traditional; on a simplified one
    /// 0.93 and 0.85).
    mutating func read(_ recognize: (OCREngine) throws(OCRError) -> [OCRLine]) throws(OCRError) -> [LaidOutLine] {
        var lines = try run(languages, recognize)
        if !decided {
            let text = lines.map(\.text).joined(separator: "\n")
            hanSeen += text.unicodeScalars.count { PageTextAssembler.isCJK($0) }
            if reader.isTraditional(text) {
                languages = "chi_tra"
                lines = try run(languages, recognize)
                decided = true
            } else if hanSeen > 0, Self.confidence(lines) < DocumentReader.sureReading {
                let traditional = try run("chi_tra", recognize)
                if Self.confidence(traditional) > Self.confidence(lines) {
                    languages = "chi_tra"
                    lines = traditional
                    decided = true
                }
            }
            if hanSeen >= DocumentReader.scriptEvidence { decided = true }
        }
        used.insert(languages)
        return lines.map { LaidOutLine(text: $0.text, left: Double($0.left), top: Double($0.top), right: Double($0.right), bottom: Double($0.bottom)) }
    }

    /// Notes the decided languages as used (by pages ``readDecided(_:)`` reads).
    mutating func markUsed() { used.insert(languages) }

    /// Recognises one page in the languages already decided (from any thread).
    func readDecided(_ recognize: (OCREngine) throws(OCRError) -> [OCRLine]) throws(OCRError) -> [LaidOutLine] {
        try run(languages, recognize).map {
            LaidOutLine(text: $0.text, left: Double($0.left), top: Double($0.top), right: Double($0.right), bottom: Double($0.bottom))
        }
    }

    /// Tesseract's confidence in a page, its lines weighted by their length.
    static func confidence(_ lines: [OCRLine]) -> Double {
        let weights = lines.map { Double($0.text.unicodeScalars.count) }
        let total = weights.reduce(0, +)
        return total == 0 ? 0 : zip(lines, weights).map { $0.confidence * $1 }.reduce(0, +) / total
    }

    private func run(_ languages: String, _ recognize: (OCREngine) throws(OCRError) -> [OCRLine]) throws(OCRError) -> [OCRLine] {
        do {
            return try reader.ocrEngines.withEngine(languages: languages) { engine in try recognize(engine) }
        } catch let error as OCRError {
            throw error
        } catch {
            throw OCRError("\(error)")
        }
    }
}
