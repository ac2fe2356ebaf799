import DocGraphPDF

/// When pages are read by OCR.
public enum OCRMode: String, Sendable, CaseIterable {
    /// Never: a page without a text layer gives no text.
    case never
    /// Pages without a text layer (scans) only.
    case auto
    /// Every page, ignoring text layers (for PDFs whose text layer is wrong).
    case always
}

/// How paged documents (PDF, scanned images) are read.
public struct PagedReading: Sendable {
    public var ocr: OCRMode
    /// Tesseract's languages (`chi_sim+eng`); nil chooses by the text: `chi_sim`, or `chi_tra` for traditional pages.
    public var ocrLanguages: String?
    /// The password of encrypted PDFs.
    public var password: String?
    public var limits: PDFLimits
    /// The resolution pages are drawn at for OCR.
    public var dpi: Int
    /// Scanned pages of one document recognised at once (a run of fewer documents than cores
    /// gives the spare cores to pages).
    public var ocrThreads: Int

    public init(ocr: OCRMode = .auto, ocrLanguages: String? = nil, password: String? = nil, limits: PDFLimits = PDFLimits(), dpi: Int = 300,
                ocrThreads: Int = 1) {
        self.ocr = ocr
        self.ocrThreads = ocrThreads
        self.ocrLanguages = ocrLanguages
        self.password = password
        self.limits = limits
        self.dpi = dpi
    }
}
