import Foundation
import Testing
@testable import DocGraphIngest

/// Word 97 documents that LibreOffice makes from known Chinese text read back
/// exactly, one paragraph a line; broken, foreign and encrypted compound
/// files are refused with a message that says which, before LibreOffice runs.
struct LegacyWordReaderTests {
    struct Source: Sendable {
        var title: String?
        var paragraphs: [String]
    }

    static let sources: [String: Source] = [
        "simplified": Source(title: "杭州市人大常委会2023年工作报告", paragraphs: [
            "杭州市人大常委会2023年工作报告",
            "2023年，在中共杭州市委的坚强领导下，市人大常委会依法履行职责，认真贯彻落实党中央决策部署，紧扣全市中心大局，"
                + "围绕经济社会发展重大问题开展监督，制定《杭州市河道管理条例》，开展《中华人民共和国水法》执法检查。",
            "市委书记王明到常委会调研，王书记要求加强监督。",
        ]),
        "traditional": Source(title: "臺北市議會工作報告", paragraphs: [
            "臺北市議會一百一十二年度工作報告",
            "本會依據《地方制度法》規定，審議總預算案，監督市政府施政，並舉辦公聽會聽取市民意見。議員們關心交通、環境與長照議題，提出質詢與建議。",
            "議長強調：「民主憲政，依法行政。」",
        ]),
        "mixed": Source(title: nil, paragraphs: [
            "第1季度GDP增长5.3%，CPI同比上涨0.1%（国家统计局，2024-04-16）。",
            "ABC公司与XYZ Co., Ltd.签署协议；金额：1,234,567.89元！“引号”‘单引号’——破折号……省略号《书名号》〈单书名号〉【方括号】",
            "Ｆｕｌｌ－ｗｉｄｔｈ　ＡＢＣ１２３ and half-width abc123; email: test@example.com; URL: https://www.gov.cn/a?b=1&c=2",
            "罕见字：𠮷𪚥䶵；繁简混排：国國 发發",
        ]),
        "table": Source(title: "各区人大代表名额", paragraphs: [
            "下表为各区人大代表名额：", "区名", "代表名额", "备注", "上城区", "120", "含街道", "西湖区", "98", "无", "表后段落。",
        ]),
        "suzhou": Source(title: nil, paragraphs: (try? String(contentsOf: Fixtures.root.appendingPathComponent("Tests/Fixtures/samples/suzhou-npc-2024.txt"),
                                                               encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []),
    ]

    /// The sources as HTML pages, for LibreOffice to import.
    static func page(_ source: Source) -> String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var paragraphs = source.paragraphs.map { "<p>\(escape($0))</p>" }
        if paragraphs.count == 11 {  // the table's cells, three to a row, between its first and last paragraph
            let cells = source.paragraphs[1..<10].map { "<td>\($0)</td>" }
            let rows = stride(from: 0, to: 9, by: 3).map { "<tr>" + cells[$0..<($0 + 3)].joined() + "</tr>" }.joined()
            paragraphs = [paragraphs[0], "<table border=\"1\">\(rows)</table>", paragraphs[10]]
        }
        let title = source.title.map { "<title>\(escape($0))</title>" } ?? ""
        return "<html><head><meta charset=\"utf-8\">\(title)</head><body>\n" + paragraphs.joined(separator: "\n") + "\n</body></html>\n"
    }

    struct FixtureFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Every fixture as a `.doc`, made in one LibreOffice run (its start-up is most of the cost).
    static let documents = Result<[String: [UInt8]], any Error> {
        guard let office = LegacyWordReader.locateOffice() else {
            throw FixtureFailure(description: "these tests make .doc files with LibreOffice: install libreoffice-writer-nogui (no soffice on PATH)")
        }
        let dir = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = sources.keys.sorted()
        let pages = names.map { Fixtures.write(Array(page(sources[$0]!).utf8), "\($0).html", in: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: office)
        process.arguments = ["--headless", "--norestore", "-env:UserInstallation=" + dir.appendingPathComponent("profile").absoluteString,
                             "--infilter=HTML (StarWriter)", "--convert-to", "doc:MS Word 97", "--outdir", dir.path] + pages
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw FixtureFailure(description: "cannot run \(office): \(error)")
        }
        process.waitUntilExit()
        var documents: [String: [UInt8]] = [:]
        for name in names {
            guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent("\(name).doc").path) else {
                throw FixtureFailure(description: "LibreOffice made no \(name).doc (exit status \(process.terminationStatus))")
            }
            documents[name] = [UInt8](data)
        }
        return documents
    }

    static func document(_ name: String) throws -> [UInt8] {
        try #require(try documents.get()[name])
    }

    @Test(arguments: ["simplified", "traditional", "mixed", "table", "suzhou"])
    func chineseTextReadsBackExactly(_ name: String) throws {
        let source = try #require(Self.sources[name])
        #expect(source.paragraphs.count > 2)
        let scratch = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = try LegacyWordReader.read(bytes: try Self.document(name), source: "\(name).doc", scratch: scratch)
        // Paragraphs are lines, none wrapped (the sample's longest has 876 characters), Chinese joined without spaces.
        #expect(content.text == source.paragraphs.joined(separator: "\n"))
        #expect(content.title == source.title)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty, "the temporary directory is removed")
    }

    @Test func lookingAtTheSignatureRoutesWordDocuments() throws {
        #expect(try Self.document("simplified").starts(with: LegacyWordReader.signature))
    }

    // MARK: - Refusals, before LibreOffice runs

    /// A version 3 compound file holding `streams`, each padded past the
    /// mini-stream cutoff so that it lies in ordinary sectors.
    static func compoundFile(_ streams: [(String, [UInt8])]) -> [UInt8] {
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        func entry(_ name: String, type: UInt8, right: UInt32 = 0xFFFF_FFFF, child: UInt32 = 0xFFFF_FFFF, start: UInt32, size: Int) -> [UInt8] {
            let units = Array(name.utf16)
            var e: [UInt8] = units.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] } + [0, 0]
            e += [UInt8](repeating: 0, count: 64 - e.count)
            e += [UInt8((units.count + 1) * 2), 0, type, 1]
            e += le32(0xFFFF_FFFF) + le32(right) + le32(child)
            e += [UInt8](repeating: 0, count: 0x74 - e.count)
            e += le32(start) + le32(UInt32(size)) + [0, 0, 0, 0]
            return e
        }
        let padded = streams.map { ($0.0, $0.1 + [UInt8](repeating: 0, count: max(0, 4096 - $0.1.count))) }
        var fat: [UInt32] = [0xFFFF_FFFD, 0xFFFF_FFFE]  // the FAT itself, then the one directory sector
        var directory = entry("Root Entry", type: 5, child: streams.isEmpty ? 0xFFFF_FFFF : 1, start: 0xFFFF_FFFE, size: 0)
        var data: [UInt8] = []
        for (i, (name, bytes)) in padded.enumerated() {
            let first = UInt32(fat.count), count = (bytes.count + 511) / 512
            fat += (1..<count).map { first + UInt32($0) } + [0xFFFF_FFFE]
            directory += entry(name, type: 2, right: i + 1 < padded.count ? UInt32(i + 2) : 0xFFFF_FFFF, start: first, size: bytes.count)
            data += bytes + [UInt8](repeating: 0, count: count * 512 - bytes.count)
        }
        directory += [UInt8](repeating: 0, count: 512 - directory.count)
        fat += [UInt32](repeating: 0xFFFF_FFFF, count: 128 - fat.count)
        var header = LegacyWordReader.signature + [UInt8](repeating: 0, count: 16) + [0x3E, 0, 3, 0, 0xFE, 0xFF, 9, 0, 6, 0]
        header += [UInt8](repeating: 0, count: 0x2C - header.count) + le32(1) + le32(1) + le32(0) + le32(4096)
        header += le32(0xFFFF_FFFE) + le32(0) + le32(0xFFFF_FFFE) + le32(0) + le32(0)
        header += [UInt8](repeating: 0xFF, count: 512 - header.count)
        return header + fat.flatMap(le32) + directory + data
    }

    /// The start of a file information block: Word 97's by default, Word 95's with version 104.
    static func fib(flags: UInt16, version: UInt8 = 0xC1) -> [UInt8] {
        [version == 0xC1 ? 0xEC : 0xDC, 0xA5, version, 0x00] + [UInt8](repeating: 0, count: 6) + [UInt8(flags & 0xFF), UInt8(flags >> 8)]
            + [UInt8](repeating: 0, count: 20)
    }

    static let refusals: [(String, [UInt8], String)] = [
        ("plain text", Array("这不是Word文档。".utf8), "not a Word document (no OLE2 compound-file signature at the start)"),
        ("signature then garbage", LegacyWordReader.signature + noise(20_000),
         "damaged Word document (not a valid OLE2 compound file: its header is garbled)"),
        ("header only", Array(compoundFile([]).prefix(300)), "damaged Word document (truncated: 300 bytes, shorter than the 512-byte header)"),
        ("an Excel workbook", compoundFile([("Workbook", [1, 2, 3])]),
         "not a Word document (an OLE2 compound file with no WordDocument stream; it looks like an Excel workbook)"),
        ("an encrypted docx", compoundFile([("EncryptionInfo", [4]), ("EncryptedPackage", [5])]),
         "the document is password-protected (an encrypted Office document); remove the password and save it again"),
        ("an encrypted doc", compoundFile([("WordDocument", fib(flags: 0x0300)), ("1Table", [0])]),
         "the Word document is password-protected (encrypted); remove the password and save it again"),
        ("an encrypted Word 95 doc", compoundFile([("WordDocument", fib(flags: 0x0100, version: 104))]),
         "the Word document is password-protected (encrypted); remove the password and save it again"),
        ("no table stream", compoundFile([("WordDocument", fib(flags: 0x0200)), ("0Table", [0])]),
         "damaged Word document (its 1Table stream is missing)"),
        ("a cut-off table stream", Array(compoundFile([("WordDocument", fib(flags: 0x0200)), ("1Table", [0])]).dropLast(600)),
         "damaged Word document (truncated: the file ends at byte 9128 but its 1Table stream goes on)"),
    ]

    /// Bytes that look random, the same every run.
    static func noise(_ count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test func aWholeCraftedDocumentPassesTheChecks() throws {
        try LegacyWordReader.check(Self.compoundFile([("WordDocument", Self.fib(flags: 0x0200)), ("1Table", [0])]), source: "w.doc")
        try LegacyWordReader.check(Self.compoundFile([("WordDocument", Self.fib(flags: 0)), ("0Table", [0])]), source: "w.doc")
        // Word 95 has no table stream; a block of no known version is left to LibreOffice.
        try LegacyWordReader.check(Self.compoundFile([("WordDocument", Self.fib(flags: 0x0200, version: 104))]), source: "w.doc")
        try LegacyWordReader.check(Self.compoundFile([("WordDocument", [0x41, 0x42])]), source: "w.doc")
    }

    @Test(arguments: refusals.indices)
    func brokenForeignAndEncryptedFilesAreRefused(_ i: Int) {
        let (what, bytes, message) = Self.refusals[i]
        do {
            _ = try LegacyWordReader.read(bytes: bytes, source: "x.doc", office: "/nonexistent/soffice")
            Issue.record("\(what) was read")
        } catch {
            #expect(error.path == "x.doc")
            #expect(error.message == message, "\(what)")
        }
    }

    @Test func aTruncatedDocumentIsRefusedWhereverItIsCut() throws {
        let whole = try Self.document("suzhou")
        try LegacyWordReader.check(whole, source: "suzhou.doc")
        #expect(throws: IngestError.self) { try LegacyWordReader.check(Array(whole.prefix(whole.count / 2)), source: "half.doc") }
        // Every cut fails cleanly, as damage; none traps.
        for cut in stride(from: 0, to: whole.count, by: 97) {
            do {
                try LegacyWordReader.check(Array(whole.prefix(cut)), source: "cut.doc")
            } catch {
                #expect(error.message.hasPrefix(cut < 8 ? "not a Word document" : "damaged Word document ("), "cut at \(cut)")
            }
        }
        do {
            _ = try LegacyWordReader.read(bytes: Array(whole.prefix(whole.count / 2)), source: "half.doc")
            Issue.record("half a document was read")
        } catch {
            #expect(error.message.hasPrefix("damaged Word document (truncated: the file ends at byte \(whole.count / 2)"), "\(error)")
        }
    }

    @Test func flippedBytesNeverTrap() throws {
        let whole = try Self.document("simplified")
        let noise = Self.noise(2_000 * 4 * 5)
        for round in 0..<2_000 {
            var bytes = whole
            for k in 0..<4 {
                let r = noise[(round * 4 + k) * 5..<(round * 4 + k + 1) * 5].reduce(0) { $0 << 8 | Int($1) }
                bytes[r % bytes.count] = UInt8(truncatingIfNeeded: r)
            }
            _ = try? LegacyWordReader.check(bytes, source: "flipped.doc")
        }
    }

    // MARK: - Running LibreOffice

    @Test func aMissingLibreOfficeIsNamedWithItsPackage() throws {
        #expect(LegacyWordReader.locateOffice(path: "", fallbacks: []) == nil)
        let bytes = try Self.document("simplified")
        do {
            _ = try LegacyWordReader.read(bytes: bytes, source: "a.doc", office: nil)
            Issue.record("read without LibreOffice")
        } catch {
            #expect(error.description == "a.doc: error: reading .doc needs LibreOffice: install the Debian package libreoffice-writer-nogui (or put soffice on PATH)")
        }
    }

    /// A stand-in for soffice: a shell script with this body.
    static func fakeOffice(_ body: String, in dir: URL) throws -> String {
        let path = Fixtures.write(Array("#!/bin/sh\n\(body)\n".utf8), "soffice", in: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test func aConversionThatHangsIsKilledAndLeavesNothing() throws {
        let tools = Fixtures.folder(), scratch = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: tools); try? FileManager.default.removeItem(at: scratch) }
        let marker = tools.appendingPathComponent("survived").path
        let office = try Self.fakeOfficeThatSleeps(in: tools, marker: marker)
        let bytes = try Self.document("simplified")
        let start = Date()
        do {
            _ = try LegacyWordReader.read(bytes: bytes, source: "slow.doc", office: office, timeout: 0.5, scratch: scratch)
            Issue.record("a hanging conversion returned")
        } catch {
            #expect(error.message == "LibreOffice did not finish converting the document within 0.5 s and was stopped")
        }
        #expect(Date().timeIntervalSince(start) < 1.5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        Thread.sleep(until: start.addingTimeInterval(2.5))
        #expect(!FileManager.default.fileExists(atPath: marker), "the whole process group is killed, children too")
    }

    static func fakeOfficeThatSleeps(in dir: URL, marker: String) throws -> String {
        // A child that would write the marker after 2 s; killing only the script would let it.
        try fakeOffice("(sleep 2; touch '\(marker)') &\nsleep 30", in: dir)
    }

    @Test func aFailingConversionReportsWhatLibreOfficeSaid() throws {
        let tools = Fixtures.folder(), scratch = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: tools); try? FileManager.default.removeItem(at: scratch) }
        let cases = [
            ("echo 'Warning: failed to launch javaldx - java may not function correctly' >&2\necho 'Error: source file could not be loaded' >&2",
             "damaged Word document (LibreOffice could not load it)"),
            ("echo 'something broke' >&2\nexit 3", "LibreOffice made no .docx of the document (it exited with status 3): something broke"),
        ]
        let bytes = try Self.document("simplified")
        for (body, message) in cases {
            let office = try Self.fakeOffice(body, in: tools)
            do {
                _ = try LegacyWordReader.read(bytes: bytes, source: "bad.doc", office: office, scratch: scratch)
                Issue.record("a failed conversion returned")
            } catch {
                #expect(error.message == message)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        }
    }
}
