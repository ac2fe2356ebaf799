import ArgumentParser
import DocGraphExtract
import DocGraphIngest
import DocGraphPDF

/// How documents are read, shared by `extract`, `explain` and `text`: PDFs and scans (OCR, its
/// languages, passwords, the page limit).
struct ReadingOptions: ParsableArguments {
    @Option(help: "OCR for PDF pages without a text layer (auto), for none (never), or for every page (always).")
    var ocr: OCRModeArgument = .auto

    @Option(name: .customLong("ocr-lang"), help: "Tesseract's languages, e.g. chi_sim+eng (default: chi_sim, and chi_tra for pages in traditional script).")
    var ocrLanguages: String?

    @Option(help: "The password of encrypted PDFs.")
    var password: String?

    @Option(name: .customLong("max-pages"), help: "Refuse PDFs of more pages than this.")
    var maxPages: Int = PDFLimits().maximumPages

    func validate() throws {
        if maxPages < 1 { throw ValidationError("--max-pages must be at least 1") }
        if let ocrLanguages, ocrLanguages.isEmpty || !ocrLanguages.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "+" }) {
            throw ValidationError("--ocr-lang takes Tesseract language names joined by +, like chi_sim+eng")
        }
    }

    /// A reader with these options; OCR tells traditional pages by `extractor`'s own test. With
    /// `jobs` cores and `documents` documents, the cores documents leave idle read scanned pages.
    func reader(encoding: TextEncoding? = nil, extractor: Extractor, jobs: Int = 1, documents: Int = 1) -> DocumentReader {
        reader(encoding: encoding, isTraditional: { extractor.isTraditional($0) }, jobs: jobs, documents: documents)
    }

    /// A reader with these options, telling traditional pages by `isTraditional`.
    func reader(encoding: TextEncoding? = nil, isTraditional: @escaping @Sendable (String) -> Bool, jobs: Int = 1, documents: Int = 1) -> DocumentReader {
        var limits = PDFLimits()
        limits.maximumPages = maxPages
        let pageThreads = max(1, jobs / max(1, min(jobs, documents)))
        return DocumentReader(forcedEncoding: encoding,
                              paged: PagedReading(ocr: ocr.mode, ocrLanguages: ocrLanguages, password: password, limits: limits,
                                                  ocrThreads: pageThreads),
                              isTraditional: isTraditional)
    }
}

/// `--ocr`'s values.
enum OCRModeArgument: String, ExpressibleByArgument, CaseIterable {
    case never, auto, always
    var mode: OCRMode { OCRMode(rawValue: rawValue) ?? .auto }
}
