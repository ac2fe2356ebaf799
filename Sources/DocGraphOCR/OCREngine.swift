internal import CTesseract
import Foundation

/// Tesseract, loaded once for a set of languages and reused page after
/// page: loading `chi_sim` takes longer than recognising a page, which is
/// why DocGraph calls the library instead of the `tesseract` command.
///
/// An engine is used by one thread at a time; ``OCREnginePool`` lends
/// engines to a collection run's workers.
///
/// Tesseract built with OpenMP (Debian's is) spreads each page over every
/// core, and its threads spin while they wait: with the cores busy, a page
/// took 20 s that way against 5 s on one thread. So each recognition runs
/// on the calling thread alone (``serialOpenMP()``), and DocGraph gets its
/// parallelism from pages and documents, one per core.
public final class OCREngine: @unchecked Sendable {
    private let api: OpaquePointer
    /// The languages as Tesseract names them, joined by `+` (`chi_sim`, `chi_tra+eng`).
    public let languages: String

    /// Where Tesseract's language files are looked for, in order: `TESSDATA_PREFIX`, then Debian's folders.
    public static var dataFolders: [String] {
        var out: [String] = []
        if let prefix = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"], !prefix.isEmpty {
            out.append(prefix.hasSuffix("/tessdata") || prefix.hasSuffix("/tessdata/") ? prefix : prefix + "/tessdata")
            out.append(prefix)
        }
        out += ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata",
                "/usr/local/share/tessdata"]
        return out
    }

    /// The Debian package that ships a language's model.
    static func package(of language: String) -> String {
        "tesseract-ocr-" + language.lowercased().replacingOccurrences(of: "_", with: "-")
    }

    public init(languages: String) throws(OCRError) {
        let names = languages.split(separator: "+").map(String.init)
        guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) else {
            throw OCRError("'\(languages)' is not a list of OCR languages (like chi_sim or chi_sim+eng)")
        }
        let fm = FileManager.default
        guard let folder = Self.dataFolders.first(where: { f in names.allSatisfy { fm.fileExists(atPath: "\(f)/\($0).traineddata") } }) else {
            let missing = names.filter { n in !Self.dataFolders.contains { fm.fileExists(atPath: "\($0)/\(n).traineddata") } }
            throw OCRError("OCR in \(missing.joined(separator: ", ")) needs Tesseract's model for it: install the Debian package "
                           + missing.map(Self.package(of:)).joined(separator: " and ") + " (or set TESSDATA_PREFIX)")
        }
        Self.processSetup
        guard let api = TessBaseAPICreate() else { throw OCRError("Tesseract could not start") }
        guard TessBaseAPIInit3(api, folder, languages) == 0 else {
            TessBaseAPIDelete(api)
            throw OCRError("Tesseract could not load \(languages) from \(folder)")
        }
        // Tesseract's own progress and warnings would interleave with DocGraph's messages.
        TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        // Chinese has no spaces between words; Tesseract would put some in, and the reader takes out the rest.
        TessBaseAPISetVariable(api, "preserve_interword_spaces", "1")
        TessBaseAPISetVariable(api, "dotproduct", Self.dotProduct)
        self.api = api
        self.languages = languages
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
    }

    /// Once per process: Leptonica silent (its errors come back as values DocGraph reports).
    private static let processSetup: Void = {
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
    }()

    /// Tesseract's arithmetic, chosen so that a page gives the same text on every machine: its
    /// AVX2 kernels and its plain C++ ones give the same results (checked on every page of the
    /// sample, `scripts/pdf-test.sh`), its SSE and NEON ones do not. AVX2 where the CPU has it,
    /// five times faster; the plain ones elsewhere.
    static let dotProduct: String = {
        #if arch(x86_64)
        if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
           flags.split(separator: " ").contains("avx2"), flags.split(separator: " ").contains("fma") {
            return "avx2"
        }
        #endif
        return "generic"
    }()

    /// `omp_set_max_active_levels` of the OpenMP runtime Tesseract was built with, if it was.
    private static let setMaxActiveLevels: (@convention(c) (Int32) -> Void)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "omp_set_max_active_levels") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Void).self)
    }()

    /// No OpenMP parallel region is active on this thread: Tesseract's run serially on it. The
    /// setting belongs to the calling thread, so it is made on the thread that recognises.
    /// (`omp_set_num_threads` does not do it: Tesseract names its thread counts in the code, which
    /// overrides it; `OMP_THREAD_LIMIT` would, but is read only from the environment at load.)
    private static func serialOpenMP() {
        setMaxActiveLevels?(0)
    }

    /// The lines of text on an 8-bit grey image (rows top to bottom, one byte per pixel).
    public func recognize(grey pixels: [UInt8], width: Int, height: Int, dpi: Int) -> [OCRLine] {
        let handle = api
        pixels.withUnsafeBufferPointer { p in
            TessBaseAPISetImage(handle, p.baseAddress, Int32(width), Int32(height), 1, Int32(width))
        }
        TessBaseAPISetSourceResolution(handle, Int32(dpi))
        defer { TessBaseAPIClear(handle) }
        return lines(handle)
    }

    /// The lines of text on an image file (PNG, JPEG, TIFF, …, whatever
    /// Leptonica reads), and the image's size. The header is read first: an
    /// image larger than `maximumPixels` is refused before it is decoded.
    public func recognize(imageFile bytes: [UInt8], maximumPixels: Int = 200_000_000) throws(OCRError) -> OCRPage {
        Self.processSetup
        var format: Int32 = 0, w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, cmap: Int32 = 0
        let header = bytes.withUnsafeBufferPointer { pixReadHeaderMem($0.baseAddress, $0.count, &format, &w, &h, &bps, &spp, &cmap) }
        guard header == 0, w > 0, h > 0 else {
            var known: Int32 = 0
            _ = bytes.withUnsafeBufferPointer { findFileFormatBuffer($0.baseAddress, &known) }
            throw OCRError(known == Int32(IFF_UNKNOWN) ? "not an image DocGraph can read (PNG, JPEG, TIFF, BMP, GIF, WebP)"
                                                                : "damaged image (its header cannot be read)")
        }
        guard Int(w) * Int(h) <= maximumPixels else {
            throw OCRError("the image is \(w) × \(h) pixels, over the limit of \(maximumPixels / 1_000_000) megapixels")
        }
        var decoded = bytes.withUnsafeBufferPointer { pixReadMem($0.baseAddress, $0.count) }
        defer { pixDestroy(&decoded) }
        guard let pix = decoded else { throw OCRError("damaged image (it cannot be decoded)") }
        let handle = api
        TessBaseAPISetImage2(handle, pix)
        // Scans without a resolution are taken as 300 dpi, the usual scanning resolution.
        let resolution = Int(pixGetXRes(pix))
        let dpi = (70...2400).contains(resolution) ? resolution : 300
        TessBaseAPISetSourceResolution(handle, Int32(dpi))
        defer { TessBaseAPIClear(handle) }
        return OCRPage(width: Int(w), height: Int(h), dpi: dpi, lines: lines(handle))
    }

    /// Recognises the image set on `handle` and reads its lines with their boxes.
    private func lines(_ handle: OpaquePointer) -> [OCRLine] {
        Self.serialOpenMP()
        guard TessBaseAPIRecognize(handle, nil) == 0, let results = TessBaseAPIGetIterator(handle) else { return [] }
        defer { TessResultIteratorDelete(results) }
        let page = TessResultIteratorGetPageIterator(results)
        var out: [OCRLine] = []
        repeat {
            guard let raw = TessResultIteratorGetUTF8Text(results, RIL_TEXTLINE) else { continue }
            let text = String(cString: raw).trimmingCharacters(in: .newlines)
            TessDeleteText(raw)
            var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
            guard TessPageIteratorBoundingBox(page, RIL_TEXTLINE, &l, &t, &r, &b) != 0, !text.isEmpty else { continue }
            let confidence = TessResultIteratorConfidence(results, RIL_TEXTLINE)
            out.append(OCRLine(text: text, left: Int(l), top: Int(t), right: Int(r), bottom: Int(b), confidence: Double(confidence) / 100))
        } while TessPageIteratorNext(page, RIL_TEXTLINE) != 0
        return out
    }
}

/// A line Tesseract read, with its box in pixels from the image's top left and its confidence (0…1).
public struct OCRLine: Sendable, Equatable {
    public var text: String
    public var left: Int
    public var top: Int
    public var right: Int
    public var bottom: Int
    public var confidence: Double
}

/// An image file read by OCR.
public struct OCRPage: Sendable {
    public var width: Int
    public var height: Int
    public var dpi: Int
    public var lines: [OCRLine]
}

/// Why OCR could not run or read an image; a lowercase message that says what to do.
public struct OCRError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
