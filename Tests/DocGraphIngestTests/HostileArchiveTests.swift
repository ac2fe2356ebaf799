import DocGraphIngest
import Foundation
import Testing
import ZIPFoundation

/// Word archives built to exhaust memory: each is refused with an error naming the limit, and
/// the temporary file the archive is read through is gone afterwards.
struct HostileArchiveTests {
    static let body = Data("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>".utf8)

    /// An archive whose document.xml is `size` zero bytes (a few kilobytes once deflated).
    static func bomb(size: Int) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let zeros = Data(count: 1 << 20)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { p, n in
            zeros.prefix(min(n, size - Int(p)))
        }
        return archive.data!
    }

    func read(_ data: Data) -> String? {
        do {
            _ = try DocumentReader().read(bytes: [UInt8](data), id: "x", location: "x.docx")
            return nil
        } catch {
            return error.message
        }
    }

    func leftovers() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []).filter { $0.hasPrefix("docgraph-docx-") }
    }

    @Test func aPartDeclaredLargerThanTheLimitIsRefusedBeforeInflating() throws {
        let size = DOCXReader.maximumPartSize + 1
        #expect(read(try Self.bomb(size: size)) == "word/document.xml inflates to \(size) bytes, more than the limit of \(DOCXReader.maximumPartSize)")
    }

    @Test func aPartThatLiesAboutItsSizeIsStoppedAtTheLimit() throws {
        var data = try Self.bomb(size: DOCXReader.maximumPartSize + (1 << 20))
        // Declare 1,000 bytes in both the local header and the central directory.
        for signature: [UInt8] in [[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x01, 0x02]] {
            let at = data.range(of: Data(signature))!.lowerBound
            let field = at + (signature[2] == 0x03 ? 22 : 24)
            data.replaceSubrange(field..<field + 4, with: [0xE8, 0x03, 0, 0])
        }
        let message = read(data)
        #expect(message == "word/document.xml inflates beyond the limit of \(DOCXReader.maximumPartSize) bytes"
            || message?.hasPrefix("word/document.xml is corrupt") == true, "\(message ?? "read")")
        #expect(leftovers().isEmpty)
    }

    @Test func tooManyEntriesAreRefused() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(Self.body.count)) { _, _ in Self.body }
        for i in 0..<DOCXReader.maximumEntries {
            try archive.addEntry(with: "media/\(i)", type: .file, uncompressedSize: Int64(0), compressionMethod: .none) { (_: Int64, _: Int) in Data() }
        }
        #expect(read(archive.data!) == "more than \(DOCXReader.maximumEntries) entries in the archive")
        #expect(leftovers().isEmpty)
    }
}
