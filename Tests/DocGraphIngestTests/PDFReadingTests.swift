import DocGraphExtract
import DocGraphModel
import Testing
@testable import DocGraphIngest

/// PDFs are read page by page: text layers through Poppler, pages without one through Tesseract,
/// with the page of every offset kept.
struct PDFReadingTests {
    static let report = PDFFixture.make(pages: [
        ["The Standing Committee met on 3 March", "and adopted the river regulations."],
        ["The committee also heard a report."],
    ], title: "Committee Report", author: "Secretariat", created: "20240305093000+08'00'")

    @Test func aTextPDFGivesItsTextPagesAndMetadata() throws {
        let doc = try DocumentReader().read(bytes: Self.report, id: "report", location: "report.pdf")
        // The first line runs to the text's right edge, so the second continues it; the last line of
        // page 1 stops short, so page 2 starts a paragraph.
        #expect(doc.text(0..<doc.scalars.count) == "The Standing Committee met on 3 March and adopted the river regulations.\nThe committee also heard a report.")
        #expect(doc.pageStarts?.count == 2)
        #expect(doc.page(at: 0) == 1)
        #expect(doc.page(at: doc.scalars.count - 1) == 2)
        #expect(doc.title == "Committee Report")
        #expect(doc.date == "2024-03-05")
        #expect(doc.format == "application/pdf")
    }

    @Test func aPageWithoutATextLayerIsReadByOCR() throws {
        // `--ocr always` draws the page at 300 dpi and reads it with Tesseract, as it would a scan.
        let reader = DocumentReader(paged: PagedReading(ocr: .always, ocrLanguages: "eng"))
        let doc = try reader.read(bytes: Self.report, id: "report", location: "report.pdf")
        let text = doc.text(0..<doc.scalars.count)
        #expect(text.contains("Standing Committee met on 3 March"))
        #expect(text.contains("heard a report"))
        #expect(doc.format == "application/pdf; ocr=eng")
        #expect(doc.pageStarts?.count == 2)
    }

    @Test func neverOCRLeavesAScanWithoutText() {
        let blank = PDFFixture.make(pages: [[]])
        #expect(throws: IngestError("scan.pdf", "no text in the PDF (its pages have no text layer; read scans with --ocr auto)")) {
            try DocumentReader(paged: PagedReading(ocr: .never)).read(bytes: blank, id: "scan", location: "scan.pdf")
        }
    }

    @Test func tooManyPagesAreRefusedNamingTheLimit() {
        var limits = PagedReading().limits
        limits.maximumPages = 1
        #expect(throws: IngestError("report.pdf", "the PDF has 2 pages, over the limit of 1 (--max-pages)")) {
            try DocumentReader(paged: PagedReading(limits: limits)).read(bytes: Self.report, id: "report", location: "report.pdf")
        }
    }

    @Test func aTruncatedPDFIsDamaged() {
        let cut = Array(Self.report.prefix(Self.report.count / 3))
        #expect(throws: IngestError("cut.pdf", "damaged PDF (pdf document is damaged)")) {
            try DocumentReader().read(bytes: cut, id: "cut", location: "cut.pdf")
        }
    }

    /// An AES-256 PDF made by qpdf (user password `u`), kept as a fuzzing seed.
    static let encrypted = Fixtures.root.appendingPathComponent("Fuzz/corpus/pdf/encrypted.pdf").path

    @Test func anEncryptedPDFNeedsItsPasswordAndAWrongOneIsSaidToBeWrong() throws {
        let bytes = try CollectionExtraction.bytes(of: Self.encrypted)
        #expect(throws: IngestError("e.pdf", "the PDF is encrypted: give its password with --password")) {
            try DocumentReader().read(bytes: bytes, id: "e", location: "e.pdf")
        }
        // Poppler 22 crashed here when the file was opened from bytes rather than from a stream.
        #expect(throws: IngestError("e.pdf", "the password given does not open this encrypted PDF")) {
            try DocumentReader(paged: PagedReading(password: "nope")).read(bytes: bytes, id: "e", location: "e.pdf")
        }
        let doc = try DocumentReader(paged: PagedReading(password: "u")).read(bytes: bytes, id: "e", location: "e.pdf")
        #expect(doc.text(0..<doc.scalars.count) == "The Standing Committee met and adopted the rules.")
    }

    @Test func evidenceFromAPDFNamesItsPage() throws {
        let extractor = try Fixtures.extractor.get()
        let doc = TextDocument(id: "d", text: "第一页没有事实。\n市人大常委会制定《某市河道管理条例》。", checksum: "c", pageStarts: [0, 9])
        var graph = KnowledgeGraph()
        extractor.extract(doc, into: &graph)
        let pages = graph.relations.values.flatMap(\.provenance).map(\.page)
        #expect(!pages.isEmpty && pages.allSatisfy { $0 == 2 })
        // The page survives N-Triples: the graph read back from its triples has it.
        let back = KnowledgeGraph(triples: graph.triples)
        #expect(back.relations.values.flatMap(\.provenance).map(\.page) == pages)
    }
}
