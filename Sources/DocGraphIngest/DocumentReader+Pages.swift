import DocGraphExtract
import DocGraphModel
import DocGraphOCR
import DocGraphPDF
import DocGraphXML
import Foundation

extension DocumentReader {
    /// A page's text layer counts when it has at least this many characters; fewer (a scan's stray
    /// page number, a watermark) and the page is read by OCR.
    static let minimumTextLayer = 8
    /// Han characters OCR must have read before the script (simplified or traditional) is decided.
    static let scriptEvidence = 20
    /// Below this confidence in a simplified reading, OCR tries the traditional model too.
    static let sureReading = 0.9

    /// A PDF: each page's text layer, or OCR where a page has none; then paragraphs rejoined,
    /// running headers and footers dropped, and the page map kept for provenance.
    func readPDF(bytes: [UInt8], id: String, location: String, checksum: String) throws(IngestError) -> TextDocument {
        let pdf: PDFFile
        do {
            pdf = try PDFFile(bytes: bytes, password: paged.password, limits: paged.limits)
        } catch {
            throw IngestError(location, error.message)
        }
        // Text layers first; the pages without one are read by OCR after.
        var pages: [[LaidOutLine]] = []
        var scans: [Int] = []
        for index in 0..<pdf.pageCount {
            do throws(PDFError) {
                let layer = paged.ocr == .always ? [] : try pdf.textLines(page: index)
                let characters = layer.reduce(0) { $0 + $1.text.unicodeScalars.count { !$0.properties.isWhitespace } }
                if characters < Self.minimumTextLayer && paged.ocr != .never { scans.append(index) }
                pages.append(layer.map { LaidOutLine(text: $0.text, left: $0.left, top: $0.top, right: $0.right, bottom: $0.bottom) })
            } catch {
                throw IngestError(location, error.message)
            }
        }
        var ocr = OCRSession(reader: self)
        if !scans.isEmpty {
            let drawing = PageDrawing(pdf: pdf, dpi: Double(paged.dpi))
            /// One scanned page: drawn (one page at a time: a Poppler document is not shared
            /// between threads), then recognised.
            @Sendable func read(_ index: Int, _ recognise: ((OCREngine) throws(OCRError) -> [OCRLine]) throws -> [LaidOutLine]) throws(IngestError) -> [LaidOutLine] {
                do {
                    let image = try drawing.draw(index)
                    return try recognise { engine in
                        engine.recognize(grey: image.pixels, width: image.width, height: image.height, dpi: image.dpi)
                    }
                } catch let error as PDFError {
                    throw IngestError(location, error.message)
                } catch let error as OCRError {
                    throw IngestError(location, "page \(index + 1): \(error.message)")
                } catch {
                    throw IngestError(location, "page \(index + 1): \(error)")
                }
            }
            // Page after page until the script is decided, then the rest on `ocrThreads` threads.
            var next = 0
            while next < scans.count && !ocr.decided {
                pages[scans[next]] = try read(scans[next]) { recognise in try ocr.read(recognise) }
                next += 1
            }
            let rest = Array(scans[next...])
            if !rest.isEmpty { ocr.markUsed() }
            let decided = ocr
            let results = PageResults(count: rest.count)
            DispatchQueue.concurrentPerform(iterations: min(max(paged.ocrThreads, 1), max(rest.count, 1))) { worker in
                var k = worker
                while k < rest.count {
                    results.set(k, Result { () throws(IngestError) in try read(rest[k]) { recognise in try decided.readDecided(recognise) } })
                    k += max(paged.ocrThreads, 1)
                }
            }
            for (k, index) in rest.enumerated() {
                switch results.get(k) {
                case .success(let lines): pages[index] = lines
                case .failure(let error): throw error
                case nil: break
                }
            }
        }
        let text = PageTextAssembler.assemble(pages: pages)
        guard text.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw IngestError(location, paged.ocr == .never
                ? "no text in the PDF (its pages have no text layer; read scans with --ocr auto)"
                : "no text in the PDF (no text layer, and OCR found none)")
        }
        let meta = pdf.metadata
        let xmp = meta.xmp.map { XMPProperties(xml: $0, source: location) }
        let title = [meta.title, xmp?.title].compactMap { $0 }.first(where: Self.isRealTitle)
        let author = [meta.author, xmp?.creator].compactMap { $0 }.first { $0.unicodeScalars.contains(where: PageTextAssembler.isCJK) }
        let format = "application/pdf" + (ocr.used.isEmpty ? "" : "; ocr=" + ocr.used.sorted().joined(separator: ","))
        return document(id: id, paged: text, checksum: checksum, title: title, date: meta.creationDate ?? xmp?.date,
                        source: author, location: location, format: format)
    }

    /// An image file (PNG, JPEG, TIFF, …): one page, read by OCR.
    func readImage(bytes: [UInt8], id: String, location: String, checksum: String) throws(IngestError) -> TextDocument {
        guard paged.ocr != .never else { throw IngestError(location, "an image is read by OCR, which --ocr never turns off") }
        var ocr = OCRSession(reader: self)
        let lines: [LaidOutLine]
        do throws(OCRError) {
            lines = try ocr.read { engine throws(OCRError) in
                try engine.recognize(imageFile: bytes, maximumPixels: paged.limits.maximumRenderPixels).lines
            }
        } catch {
            throw IngestError(location, error.message)
        }
        let text = PageTextAssembler.assemble(pages: [lines])
        guard text.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw IngestError(location, "no text in the image (OCR found none)")
        }
        return document(id: id, paged: text, checksum: checksum, title: nil, date: nil, source: nil, location: location,
                        format: Self.imageType(bytes) + "; ocr=" + ocr.used.sorted().joined(separator: ","))
    }

    /// The document, with metadata's date used only when the text's own header gives none (a PDF's
    /// creation date is when it was printed, which the document's own date line beats).
    private func document(id: String, paged text: PagedText, checksum: String, title: String?, date: String?, source: String?,
                          location: String, format: String) -> TextDocument {
        let doc = TextDocument(id: id, text: text.text, checksum: checksum, title: title, source: source, location: location,
                               format: format, pageStarts: text.pageStarts)
        guard doc.date == nil, let date else { return doc }
        return TextDocument(id: id, text: text.text, checksum: checksum, title: title, date: date, source: source,
                            location: location, format: format, pageStarts: text.pageStarts)
    }

    /// Producers fill the title with the file's name or a template's placeholder; those are no titles.
    static func isRealTitle(_ title: String) -> Bool {
        let lower = title.lowercased()
        let placeholders = ["untitled", "无标题", "microsoft word", "wps", "document", "powerpoint", "slide"]
        if placeholders.contains(where: { lower.hasPrefix($0) }) { return false }
        let fileTypes = [".doc", ".docx", ".pdf", ".txt", ".htm", ".html", ".wps", ".xls", ".xlsx", ".ppt", ".pptx", ".md", ".tif", ".jpg", ".png"]
        if fileTypes.contains(where: { lower.hasSuffix($0) }) { return false }
        if lower.hasPrefix("file:") || lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.contains("/") && !lower.contains(" ") { return false }
        return title.unicodeScalars.count >= 2
    }

    static func imageType(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return "image/tiff" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if bytes.starts(with: Array("BM".utf8)) { return "image/bmp" }
        return "image/webp"
    }
}

/// A PDF's pages drawn one at a time, whichever thread asks: Poppler's
/// documents are not safe to use from two threads at once.
private final class PageDrawing: @unchecked Sendable {
    private let pdf: PDFFile
    private let dpi: Double
    private let lock = NSLock()
    init(pdf: PDFFile, dpi: Double) {
        self.pdf = pdf
        self.dpi = dpi
    }
    func draw(_ index: Int) throws(PDFError) -> PDFPageImage {
        lock.lock()
        defer { lock.unlock() }
        return try pdf.render(page: index, dpi: dpi)
    }
}

/// What the threads recognising a document's pages found, by page.
private final class PageResults: @unchecked Sendable {
    private var results: [Result<[LaidOutLine], IngestError>?]
    private let lock = NSLock()
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ r: Result<[LaidOutLine], IngestError>) { lock.lock(); results[k] = r; lock.unlock() }
    func get(_ k: Int) -> Result<[LaidOutLine], IngestError>? { lock.lock(); defer { lock.unlock() }; return results[k] }
}
