import Foundation

/// What a Word 97–2003 document says, as read by ``LegacyWordReader``.
struct LegacyWordContent: Sendable, Equatable {
    /// One paragraph per line (body paragraphs, headings, table cells in
    /// document order), never wrapped inside a paragraph.
    var text: String
    /// The title in the document's properties (SummaryInformation), if any.
    var title: String?
    /// The creation date in the document's properties, as `YYYY-MM-DD`.
    var date: String?
}

/// Reads legacy Word `.doc` files (Word 6 to Word 2003, the OLE2 binary
/// format) by having LibreOffice convert them to `.docx`, then reading that
/// with ``DOCXReader``: a `.doc` gives the same text, title and date as the
/// same document saved as `.docx`.
///
/// Why LibreOffice, and not antiword or catdoc. Measured on Debian 12
/// (antiword 0.37, catdoc 0.95, LibreOffice 7.4) with Chinese `.doc` files
/// that LibreOffice made from known text (simplified; traditional; Latin,
/// digits, full-width punctuation and the Extension B characters 𠮷 and 𪚥;
/// a table; the 17 KB Suzhou sample) and with the 145 `.doc` files of
/// Apache POI's test data that are not fuzzer output, most written by Word:
///
/// - antiword refuses any document whose WordDocument stream is under 4 KB
///   (kept in the compound file's mini stream: "the text stream of this file
///   is too small to handle"), so every short Chinese fixture and 24 of POI's
///   142 unencrypted Word files, Word 6 and 95 among them; it hard-wraps
///   lines at 80 columns unless given `-w 0`, and draws tables as ASCII art.
/// - catdoc is exact on text in the Basic Multilingual Plane and fast (2 ms a
///   file), but writes each half of a surrogate pair as its own invalid
///   UTF-8 sequence, so characters outside the BMP (names in CJK
///   Extension B) come out as U+FFFD; it prints field codes (`HYPERLINK
///   "…"`, `PAGEREF _Toc…`, `MERGEFORMAT`) into the text, mixes headers and
///   footers into it, and gives no text for 4 of POI's files that have
///   some.
/// - LibreOffice reproduces every fixture exactly, reads all 142 unencrypted
///   POI files (the 130 with text, with their titles and dates), shows
///   fields by their results and writes tables one cell per line. It costs
///   1.2–3 s and 210 MB a file (mostly its start-up), against a few
///   milliseconds for the others. Correct text is worth the seconds.
///
/// LibreOffice is poor at saying what is wrong (it exits 0 whatever
/// happens, reads a damaged file as plain text, cannot tell an encrypted
/// file from a broken one), so the compound file is checked here first:
/// that it is whole, holds a Word document, and is not password-protected.
/// Each run uses its own temporary directory and LibreOffice profile, so
/// runs in parallel do not meet, and the directory is removed afterwards.
enum LegacyWordReader {
    /// The first bytes of every OLE2 compound file (`.doc`, `.xls`, `.ppt`, `.msg`, an encrypted `.docx`).
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// How long one conversion may take before LibreOffice is killed.
    static let defaultTimeout: TimeInterval = 60
    static let missingOffice = "reading .doc needs LibreOffice: install the Debian package libreoffice-writer-nogui (or put soffice on PATH)"

    /// Reads one `.doc` file; `office` is LibreOffice's `soffice` (found on
    /// PATH by default), `scratch` where the private temporary directory goes.
    static func read(bytes: [UInt8], source: String, office: String? = locateOffice(), timeout: TimeInterval = defaultTimeout,
                     scratch: URL = FileManager.default.temporaryDirectory) throws(IngestError) -> LegacyWordContent {
        try check(bytes, source: source)
        guard let office else { throw IngestError(source, missingOffice) }
        let docx = try convert(bytes, source: source, office: office, timeout: timeout, scratch: scratch)
        do {
            let content = try DOCXReader.read(bytes: docx, source: source)
            return LegacyWordContent(text: content.text, title: content.title, date: content.date)
        } catch {
            throw IngestError(source, "LibreOffice's conversion of the document could not be read: \(error.message)")
        }
    }

    /// `soffice` (or `libreoffice`) on PATH, else where LibreOffice installs it.
    static func locateOffice(path: String? = ProcessInfo.processInfo.environment["PATH"],
                             fallbacks: [String] = ["/usr/lib/libreoffice/program/soffice",
                                                    "/Applications/LibreOffice.app/Contents/MacOS/soffice"]) -> String? {
        let onPath = (path ?? "").split(separator: ":").flatMap { dir in ["soffice", "libreoffice"].map { "\(dir)/\($0)" } }
        return (onPath + fallbacks).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Refuses what LibreOffice would misread: not a compound file, one
    /// without a Word document, a damaged or truncated one, an encrypted one.
    static func check(_ bytes: [UInt8], source: String) throws(IngestError) {
        guard bytes.starts(with: signature) else {
            throw IngestError(source, "not a Word document (no OLE2 compound-file signature at the start)")
        }
        do {
            let file = try CompoundFile(bytes)
            if file.stream("EncryptedPackage") != nil {
                throw IngestError(source, "the document is password-protected (an encrypted Office document); remove the password and save it again")
            }
            guard let word = file.stream("WordDocument") else {
                let kind = file.stream("Workbook") != nil || file.stream("Book") != nil ? "; it looks like an Excel workbook"
                    : file.stream("PowerPoint Document") != nil ? "; it looks like a PowerPoint presentation" : ""
                throw IngestError(source, "not a Word document (an OLE2 compound file with no WordDocument stream\(kind))")
            }
            // The file information block: its version (nFib) at 2, its flags at 10 in every version
            // since Word 6 (101; Word 95 is 104, Word 97 to 2003 write 193 and up). The magic number at 0
            // varies (0xA5EC, 0xA5DC, 0xA699 in a Big5 Word 95 file), so it is not checked; what the
            // version does not vouch for is left to LibreOffice to judge.
            let fib = try file.contents(of: word, prefix: 12)
            guard fib.count == 12 else {
                throw IngestError(source, "damaged Word document (its WordDocument stream is too short for a file information block)")
            }
            let version = UInt16(fib[2]) | UInt16(fib[3]) << 8, flags = UInt16(fib[10]) | UInt16(fib[11]) << 8
            if version >= 101 && flags & 0x0100 != 0 {
                throw IngestError(source, "the Word document is password-protected (encrypted); remove the password and save it again")
            }
            if version >= 193 {
                let name = flags & 0x0200 != 0 ? "1Table" : "0Table"
                guard let table = file.stream(name) else {
                    throw IngestError(source, "damaged Word document (its \(name) stream is missing)")
                }
                _ = try file.contents(of: table, prefix: 0)
            }
        } catch let error as CompoundFile.Damage {
            throw IngestError(source, "damaged Word document (\(error.message))")
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError(source, "damaged Word document (\(error))")
        }
    }

    /// The `.docx` LibreOffice makes of `bytes`, run in a private directory that is removed afterwards.
    static func convert(_ bytes: [UInt8], source: String, office: String, timeout: TimeInterval, scratch: URL) throws(IngestError) -> [UInt8] {
        let fm = FileManager.default
        let dir = scratch.appendingPathComponent("docgraph-doc-\(UUID().uuidString)", isDirectory: true)
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw IngestError(source, "cannot make a temporary directory for LibreOffice: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: dir) }
        let input = dir.appendingPathComponent("input.doc"), output = dir.appendingPathComponent("out", isDirectory: true)
        let stdout = dir.appendingPathComponent("stdout.txt"), stderr = dir.appendingPathComponent("stderr.txt")
        guard fm.createFile(atPath: input.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]),
              fm.createFile(atPath: stdout.path, contents: nil), fm.createFile(atPath: stderr.path, contents: nil),
              let out = FileHandle(forWritingAtPath: stdout.path), let err = FileHandle(forWritingAtPath: stderr.path) else {
            throw IngestError(source, "cannot write the temporary copy of the document for LibreOffice in \(dir.path)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: office)
        process.arguments = [
            "--headless", "--norestore", "--nolockcheck",
            // A fresh profile per run: two LibreOffice processes sharing one would hand work to each other.
            "-env:UserInstallation=" + dir.appendingPathComponent("profile", isDirectory: true).absoluteString,
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", output.path, input.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        // LibreOffice's temporary files, and the dconf cache it rewrites, go where they are removed.
        environment["TMPDIR"] = dir.path
        environment["XDG_CACHE_HOME"] = dir.path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            try? out.close(); try? err.close()
            throw IngestError(source, "cannot run LibreOffice (\(office)): \(error.localizedDescription)")
        }
        try? out.close(); try? err.close()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            // Foundation starts the child as leader of its own process group; soffice's children are in it.
            kill(-process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let limit = timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
            throw IngestError(source, "LibreOffice did not finish converting the document within \(limit) s and was stopped")
        }
        if let docx = fm.contents(atPath: output.appendingPathComponent("input.docx").path), !docx.isEmpty {
            return [UInt8](docx)
        }
        // What LibreOffice said, error output first; it warns about Java on every run.
        let said = [stderr, stdout].flatMap { url in
            (fm.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } ?? "")
                .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.contains("javaldx") }
        }
        if said.contains(where: { $0.contains("could not be loaded") }) {
            throw IngestError(source, "damaged Word document (LibreOffice could not load it)")
        }
        let status = process.terminationReason == .uncaughtSignal ? "was killed by signal \(process.terminationStatus)"
            : "exited with status \(process.terminationStatus)"
        let detail = said.first.map { ": \($0)" } ?? ""
        throw IngestError(source, "LibreOffice made no .docx of the document (it \(status))\(detail)")
    }
}

/// Just enough of an OLE2 compound file (MS-CFB) to find a stream of the
/// root storage and check that all its sectors are in the file. Every
/// offset is checked against the bytes there are; every chain is bounded.
private struct CompoundFile {
    struct Damage: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    struct Entry {
        var name: String
        var type: UInt8
        var left: UInt32, right: UInt32, child: UInt32
        var start: UInt32
        var size: Int
    }

    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let noStream: UInt32 = 0xFFFF_FFFF
    let bytes: [UInt8]
    let sectorSize: Int
    let miniCutoff: Int
    let fat: [UInt32]
    let entries: [Entry]

    init(_ bytes: [UInt8]) throws(Damage) {
        self.bytes = bytes
        guard bytes.count >= 512 else { throw Damage("truncated: \(bytes.count) bytes, shorter than the 512-byte header") }
        let shift = Self.u16(bytes, 0x1E), major = Self.u16(bytes, 0x1A)
        guard Self.u16(bytes, 0x1C) == 0xFFFE, (major == 3 && shift == 9) || (major == 4 && shift == 12) else {
            throw Damage("not a valid OLE2 compound file: its header is garbled")
        }
        let size = 1 << Int(shift)
        sectorSize = size
        miniCutoff = Int(Self.u32(bytes, 0x38))
        let fatSectors = Int(Self.u32(bytes, 0x2C)), difatSectors = Int(Self.u32(bytes, 0x48))
        guard fatSectors > 0, difatSectors <= fatSectors else {
            throw Damage("not a valid OLE2 compound file: its header claims \(fatSectors) allocation-table sectors")
        }
        // The allocation table's sectors are in the file too, which bounds the memory it takes.
        guard fatSectors <= bytes.count / size else {
            throw Damage("truncated: its header lists \(fatSectors) allocation-table sectors, more than \(bytes.count) bytes can hold")
        }
        let addressable = fatSectors * (size / 4)
        func sector(_ n: UInt32, _ what: String) throws(Damage) -> ArraySlice<UInt8> {
            let n = Int(n)
            guard n < addressable else { throw Damage("\(what) points to sector \(n), beyond any the file describes") }
            let at = (n + 1) * size
            guard at + size <= bytes.count else {
                throw Damage("truncated: the file ends at byte \(bytes.count) but its \(what) goes on at byte \(at)")
            }
            return bytes[at..<(at + size)]
        }
        // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
        var fatIDs = (0..<min(fatSectors, 109)).map { Self.u32(bytes, 0x4C + 4 * $0) }
        var difat = Self.u32(bytes, 0x44)
        var seen = 0
        while fatIDs.count < fatSectors {
            guard difat != Self.endOfChain, seen < difatSectors else { throw Damage("the list of FAT sectors ends early") }
            let s = Array(try sector(difat, "FAT index"))
            fatIDs += (0..<(size / 4 - 1)).map { Self.u32(s, 4 * $0) }.prefix(fatSectors - fatIDs.count)
            difat = Self.u32(s, size - 4)
            seen += 1
        }
        var fat: [UInt32] = []
        fat.reserveCapacity(addressable)
        for id in fatIDs {
            let s = Array(try sector(id, "allocation table"))
            fat += (0..<(size / 4)).map { Self.u32(s, 4 * $0) }
        }
        self.fat = fat
        var directory: [UInt8] = []
        for n in try Self.chain(from: Self.u32(bytes, 0x30), in: fat, "directory") {
            directory += try sector(UInt32(n), "directory")
        }
        entries = stride(from: 0, to: directory.count - 127, by: 128).map { at in
            let length = min(Int(Self.u16(directory, at + 0x40)), 64)
            let units = (0..<max(0, length / 2 - 1)).map { UInt16(directory[at + 2 * $0]) | UInt16(directory[at + 2 * $0 + 1]) << 8 }
            return Entry(name: String(decoding: units, as: UTF16.self), type: directory[at + 0x42],
                         left: Self.u32(directory, at + 0x44), right: Self.u32(directory, at + 0x48),
                         child: Self.u32(directory, at + 0x4C), start: Self.u32(directory, at + 0x74),
                         size: Int(Self.u32(directory, at + 0x78)))
        }
        guard entries.first?.type == 5 else { throw Damage("its directory has no root entry") }
    }

    /// The stream called `name` (case-insensitively, as MS-CFB compares) directly in the root storage.
    func stream(_ name: String) -> Entry? {
        var pending = [entries[0].child], visited = Set<UInt32>()
        while let id = pending.popLast() {
            guard id != Self.noStream, Int(id) < entries.count, visited.insert(id).inserted else { continue }
            let e = entries[Int(id)]
            if e.type == 2 && e.name.lowercased() == name.lowercased() { return e }
            pending += [e.left, e.right]
        }
        return nil
    }

    /// The first `prefix` bytes of a stream, once every sector of it is known to be in the file.
    func contents(of entry: Entry, prefix: Int) throws(Damage) -> [UInt8] {
        guard entry.size > 0 else { return [] }
        let mini = entry.size < miniCutoff
        let (unit, table, container): (Int, [UInt32], [UInt8]) = mini ? (64, try miniFAT(), try miniStream()) : (sectorSize, fat, bytes)
        let chain = try Self.chain(from: entry.start, in: table, "\(entry.name) stream")
        guard chain.count * unit >= entry.size else { throw Damage("its \(entry.name) stream is shorter than its directory entry says") }
        var result: [UInt8] = []
        var remaining = entry.size
        for n in chain where remaining > 0 {
            let at = mini ? n * unit : (n + 1) * unit, length = min(unit, remaining)
            guard at + length <= container.count else {
                throw Damage("truncated: the file ends at byte \(bytes.count) but its \(entry.name) stream goes on")
            }
            if result.count < prefix { result += container[at..<(at + min(length, prefix - result.count))] }
            remaining -= length
        }
        return result
    }

    /// The table of the 64-byte sectors small streams are kept in.
    private func miniFAT() throws(Damage) -> [UInt32] {
        var table: [UInt32] = []
        for n in try Self.chain(from: Self.u32(bytes, 0x3C), in: fat, "mini allocation table") {
            let at = (n + 1) * sectorSize
            guard at + sectorSize <= bytes.count else { throw Damage("truncated: its mini allocation table lies past the end of the file") }
            table += (0..<(sectorSize / 4)).map { Self.u32(bytes, at + 4 * $0) }
        }
        return table
    }

    /// The root entry's stream, which holds the small streams.
    private func miniStream() throws(Damage) -> [UInt8] {
        var stream: [UInt8] = []
        for n in try Self.chain(from: entries[0].start, in: fat, "mini stream") {
            let at = (n + 1) * sectorSize
            guard at + sectorSize <= bytes.count else { break }  // what is missing is reported by the stream that needs it
            stream += bytes[at..<(at + sectorSize)]
        }
        return stream
    }

    /// The sectors of a chain; a loop or a link outside the table is damage.
    static func chain(from start: UInt32, in table: [UInt32], _ what: String) throws(Damage) -> [Int] {
        var sectors: [Int] = []
        var next = start
        while next != endOfChain {
            guard Int(next) < table.count, sectors.count < table.count else { throw Damage("a broken sector chain in its \(what)") }
            sectors.append(Int(next))
            next = table[Int(next)]
        }
        return sectors
    }

    static func u16(_ b: [UInt8], _ at: Int) -> UInt16 {
        at + 2 <= b.count ? UInt16(b[at]) | UInt16(b[at + 1]) << 8 : 0
    }

    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(u16(b, at)) | UInt32(u16(b, at + 2)) << 16
    }
}
