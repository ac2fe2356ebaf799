internal import CPoppler

/// One PDF, opened with Poppler: its pages' text lines with their
/// positions, its metadata, and its pages rendered to grey images for OCR.
///
/// Opening checks the limits first (``PDFLimits``): a file that declares
/// more pages, or larger images, than a document plausibly has is refused
/// before any page is read, so a small hostile file cannot take the
/// machine's memory or an hour of its time.
///
/// A `PDFFile` is used by one thread at a time (Poppler's document objects
/// are not safe to share); a collection run opens each file on the worker
/// that reads it.
public final class PDFFile {
    private let document: OpaquePointer
    private let limits: PDFLimits
    public let pageCount: Int
    public let metadata: PDFMetadata

    /// Opens `bytes` as a PDF, with `password` for an encrypted one.
    public init(bytes: [UInt8], password: String? = nil, limits: PDFLimits = PDFLimits()) throws(PDFError) {
        self.limits = limits
        guard bytes.count >= 5, bytes.prefix(1024).firstRange(of: Array("%PDF-".utf8)) != nil else {
            throw PDFError(.damaged, "not a PDF (no %PDF- header)")
        }
        if let image = PDFImageScan.largestImage(in: bytes), image.width * image.height > limits.maximumImagePixels {
            throw PDFError(.tooLarge, "it holds an image of \(image.width) × \(image.height) pixels, over the limit of "
                           + "\(limits.maximumImagePixels / 1_000_000) megapixels")
        }
        var error: UnsafeMutablePointer<GError>?
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        // With a password, from a stream: Poppler 22's bytes and file openers crash (a null stream
        // copy) when an encrypted file is given a wrong password; the stream opener says so. Without
        // one, from the bytes, which reads a few percent faster.
        let opened: OpaquePointer?
        if let password {
            let stream = g_memory_input_stream_new_from_bytes(data)
            defer { g_object_unref(UnsafeMutableRawPointer(stream)) }
            opened = poppler_document_new_from_stream(stream, goffset(bytes.count), password, nil, &error)
        } else {
            opened = poppler_document_new_from_bytes(data, nil, &error)
        }
        guard let document = opened else {
            let code = error?.pointee.code ?? 0
            let detail = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
            if let error { g_error_free(error) }
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw password == nil
                    ? PDFError(.encrypted, "the PDF is encrypted: give its password with --password")
                    : PDFError(.wrongPassword, "the password given does not open this encrypted PDF")
            }
            throw PDFError(.damaged, "damaged PDF (\(detail.lowercased().trimmingSuffix(".")))")
        }
        self.document = document
        let pages = Int(poppler_document_get_n_pages(document))
        guard pages <= limits.maximumPages else {
            g_object_unref(UnsafeMutableRawPointer(document))
            throw PDFError(.tooManyPages, "the PDF has \(pages) pages, over the limit of \(limits.maximumPages) (--max-pages)")
        }
        guard pages > 0 else {
            g_object_unref(UnsafeMutableRawPointer(document))
            throw PDFError(.damaged, "damaged PDF (no pages)")
        }
        pageCount = pages
        metadata = PDFMetadata(document: document)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
    }

    /// Runs `body` with page `index` (from 0), which Poppler hands out counted.
    private func withPage<T>(_ index: Int, _ body: (OpaquePointer) throws(PDFError) -> T) throws(PDFError) -> T {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            throw PDFError(.damaged, "damaged PDF (page \(index + 1) cannot be read)")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return try body(page)
    }

    /// The size of page `index` (from 0) in points (1/72 inch).
    public func pageSize(_ index: Int) throws(PDFError) -> (width: Double, height: Double) {
        try withPage(index) { page in
            var width = 0.0, height = 0.0
            poppler_page_get_size(page, &width, &height)
            return (width, height)
        }
    }

    /// The text of page `index` (from 0) in Poppler's reading order, one
    /// ``PDFTextLine`` per line, with the box its characters cover. Empty
    /// for a page without a text layer (a scan).
    public func textLines(page index: Int) throws(PDFError) -> [PDFTextLine] {
        try withPage(index) { page in
            guard let raw = poppler_page_get_text(page) else { return [] }
            defer { g_free(raw) }
            let scalars = Array(String(cString: raw).unicodeScalars)
            var rectangles: UnsafeMutablePointer<PopplerRectangle>?
            var count: guint = 0
            let hasLayout = poppler_page_get_text_layout(page, &rectangles, &count) != 0
            defer { g_free(rectangles) }
            // One rectangle per character of the text; without them (never seen) lines keep no box.
            let boxes = hasLayout && Int(count) == scalars.count ? rectangles : nil
            var lines: [PDFTextLine] = []
            var current = String.UnicodeScalarView()
            var box: (left: Double, top: Double, right: Double, bottom: Double)?
            func finish() {
                let text = String(current)
                if !text.allSatisfy(\.isWhitespace) {
                    let b = box ?? (0, 0, 0, 0)
                    lines.append(PDFTextLine(text: text, left: b.left, top: b.top, right: b.right, bottom: b.bottom))
                }
                current = String.UnicodeScalarView()
                box = nil
            }
            for (i, u) in scalars.enumerated() {
                if u == "\n" { finish(); continue }
                current.append(u)
                guard let r = boxes?[i], !u.properties.isWhitespace else { continue }
                if let b = box {
                    box = (min(b.left, r.x1), min(b.top, r.y1), max(b.right, r.x2), max(b.bottom, r.y2))
                } else {
                    box = (r.x1, r.y1, r.x2, r.y2)
                }
            }
            finish()
            return lines
        }
    }

    /// Page `index` (from 0) drawn at `dpi` on white, as 8-bit grey: what
    /// OCR reads. A page whose image would pass
    /// ``PDFLimits/maximumRenderPixels`` is refused.
    public func render(page index: Int, dpi: Double) throws(PDFError) -> PDFPageImage {
        let limit = limits.maximumRenderPixels
        return try withPage(index) { page throws(PDFError) in
            var width = 0.0, height = 0.0
            poppler_page_get_size(page, &width, &height)
            let scale = dpi / 72
            let w = Int((width * scale).rounded(.up)), h = Int((height * scale).rounded(.up))
            guard w > 0, h > 0, w <= 1 << 15, h <= 1 << 15, w * h <= limit else {
                throw PDFError(.tooLarge, "page \(index + 1) is \(Int(width)) × \(Int(height)) points: drawn at \(Int(dpi)) dpi for OCR it "
                               + "would be \(w) × \(h) pixels, over the limit of \(limit / 1_000_000) megapixels")
            }
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h)) else {
                throw PDFError(.tooLarge, "page \(index + 1) cannot be drawn (out of memory)")
            }
            defer { cairo_surface_destroy(surface) }
            let cr = cairo_create(surface)
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            poppler_page_render_for_printing(page, cr)
            cairo_destroy(cr)
            cairo_surface_flush(surface)
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
                throw PDFError(.tooLarge, "page \(index + 1) cannot be drawn (out of memory)")
            }
            let stride = Int(cairo_image_surface_get_stride(surface))
            var grey = [UInt8](repeating: 255, count: w * h)
            grey.withUnsafeMutableBufferPointer { out in
                for y in 0..<h {
                    let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                    for x in 0..<w {
                        // RGB24 is one native 32-bit word per pixel: 0x00RRGGBB. ITU-R 601 luma, in integers.
                        let p = row[x]
                        let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                        out[y * w + x] = UInt8((299 * r + 587 * g + 114 * b + 500) / 1000)
                    }
                }
            }
            return PDFPageImage(width: w, height: h, dpi: Int(dpi.rounded()), pixels: grey)
        }
    }
}

/// A line of a page's text layer; the box is in points from the page's top left.
public struct PDFTextLine: Sendable, Equatable {
    public var text: String
    public var left: Double
    public var top: Double
    public var right: Double
    public var bottom: Double
}

/// A page drawn for OCR: 8-bit grey, one byte per pixel, rows top to bottom.
public struct PDFPageImage: Sendable {
    public var width: Int
    public var height: Int
    public var dpi: Int
    public var pixels: [UInt8]
}

/// How much one PDF may ask for before it is refused as hostile.
public struct PDFLimits: Sendable, Equatable {
    /// Pages per document: a report runs to hundreds; a bomb to millions.
    public var maximumPages: Int
    /// Pixels of one image the file declares (a 600-dpi A0 scan is ~ 450 megapixels; a bomb declares billions).
    public var maximumImagePixels: Int
    /// Pixels of one page drawn for OCR (A4 at 300 dpi is 8.7 megapixels).
    public var maximumRenderPixels: Int

    public init(maximumPages: Int = 2_000, maximumImagePixels: Int = 500_000_000, maximumRenderPixels: Int = 100_000_000) {
        self.maximumPages = maximumPages
        self.maximumImagePixels = maximumImagePixels
        self.maximumRenderPixels = maximumRenderPixels
    }
}

/// Why a PDF could not be read; the message is lowercase and says what to do where something can be done.
public struct PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case damaged, encrypted, wrongPassword, tooManyPages, tooLarge
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
