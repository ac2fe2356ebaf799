import DocGraphExtract
import DocGraphModel
import Foundation
import Testing
import ZIPFoundation
@testable import DocGraphIngest

/// HTML pages, Word documents and Markdown give their main text and metadata,
/// and the extractor reads them as it reads plain text.
struct DocumentFormatTests {
    static let page = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8">
        <title>杭州市人大常委会工作报告_杭州人大网</title>
        <meta name="ArticleTitle" content="杭州市人大常委会2023年工作报告">
        <meta name="PubDate" content="2024-01-20 09:30">
        <meta name="ContentSource" content="杭州人大网">
        <style>.nav { color: red } 杭州市公安局</style>
        <script>var x = "《杭州市假条例》";</script>
        </head><body>
        <div class="top-nav"><a href="/">首页</a> <a href="/x">宁波市人民政府</a></div>
        <nav><ul><li>温州市人大常委会</li></ul></nav>
        <div id="content">
        <h1>杭州市人大常委会2023年工作报告</h1>
        <p>2023年，在中共杭州市委的坚强领导下，市人大常委会依法履行职责。</p>
        <p>常委会制定《杭州市河道管理条例》，
        开展《中华人民共和国水法》执法检查。</p>
        <table><tr><td>市委书记</td><td>王明</td></tr></table>
        </div>
        <div class="footer">版权所有 嘉兴市人民政府办公室</div>
        </body></html>
        """

    @Test func anHTMLPageGivesItsMainTextAndMetadata() throws {
        let doc = try DocumentReader().read(bytes: Array(Self.page.utf8), id: "page", location: "page.html")
        let text = String(String.UnicodeScalarView(doc.scalars))
        #expect(doc.title == "杭州市人大常委会2023年工作报告")
        #expect(doc.date == "2024-01-20")
        #expect(doc.source == "杭州人大网")
        #expect(doc.format == "text/html")
        #expect(text.hasSuffix("市委书记\u{3000}王明"))
        #expect(text.hasPrefix("杭州市人大常委会2023年工作报告\n2023年，在中共杭州市委的坚强领导下"))
        #expect(text.contains("常委会制定《杭州市河道管理条例》，开展《中华人民共和国水法》执法检查。"))
        for furniture in ["首页", "宁波市人民政府", "温州市人大常委会", "杭州市假条例", "color", "嘉兴市人民政府办公室", "杭州市公安局"] {
            #expect(!text.contains(furniture), "\(furniture) is page furniture")
        }
        let g = try Fixtures.extractor.get().extract(doc)
        let labels = Set(g.entities.values.map(\.label))
        #expect(labels.isSuperset(of: ["杭州市人大常委会", "杭州市委", "《杭州市河道管理条例》", "王明"]))
        #expect(!labels.contains("宁波市人民政府"))
        // Offsets count in the extracted text.
        for r in g.relations.values {
            for p in r.provenance {
                #expect(String(String.UnicodeScalarView(doc.scalars[p.sentenceStart..<p.sentenceEnd])) == p.sentence)
            }
        }
    }

    @Test func aPageInGB18030WithoutACharsetIsDecoded() throws {
        let plain = Self.page.replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
        let gb = TextEncoding.convert(Array(plain.utf8), from: "UTF-8", to: "GB18030")!
        let doc = try DocumentReader().read(bytes: gb, id: "page", location: "page.htm")
        #expect(doc.title == "杭州市人大常委会2023年工作报告")
        #expect(String(String.UnicodeScalarView(doc.scalars)).contains("《杭州市河道管理条例》"))
    }

    static func docx(paragraphs: [String], table: [[String]] = [], title: String? = "杭州市人大常委会2023年工作报告") throws -> [UInt8] {
        func run(_ t: String) -> String { "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(t)</w:t></w:r></w:p>" }
        let rows = table.map { row in "<w:tr>" + row.map { "<w:tc>" + run($0) + "</w:tc>" }.joined() + "</w:tr>" }.joined()
        let body = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
              xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>\(paragraphs[0])</w:t></w:r></w:p>
            \(paragraphs.dropFirst().map(run).joined())
            <w:p><w:r><w:delText>《杭州市已删除条例》</w:delText></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>文本框里的一句话。</w:t></w:r></w:p></w:txbxContent></mc:Choice>
            <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框里的一句话。</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            \(rows.isEmpty ? "" : "<w:tbl>" + rows + "</w:tbl>")
            </w:body></w:document>
            """
        let core = """
            <?xml version="1.0" encoding="UTF-8"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
              xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
            \(title.map { "<dc:title>\($0)</dc:title>" } ?? "")<dcterms:created>2024-01-20T08:00:00Z</dcterms:created>
            </cp:coreProperties>
            """
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in [("[Content_Types].xml", "<Types/>"), ("word/document.xml", body), ("docProps/core.xml", core)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data!)
    }

    @Test func aWordDocumentGivesParagraphsTablesAndProperties() throws {
        let bytes = try Self.docx(paragraphs: ["杭州市人大常委会2023年工作报告", "2023年，在中共杭州市委的坚强领导下，市人大常委会制定《杭州市河道管理条例》。"],
                                  table: [["市委书记", "王明"]])
        let doc = try DocumentReader().read(bytes: bytes, id: "report", location: "report.docx")
        let text = String(String.UnicodeScalarView(doc.scalars))
        // A text box's text once: Word's fallback copy for older readers is left out.
        #expect(text == "杭州市人大常委会2023年工作报告\n2023年，在中共杭州市委的坚强领导下，市人大常委会制定《杭州市河道管理条例》。\n文本框里的一句话。\n市委书记\n王明")
        #expect(doc.title == "杭州市人大常委会2023年工作报告")
        #expect(doc.date == "2024-01-20")
        let g = try Fixtures.extractor.get().extract(doc)
        #expect(g.relations.values.contains { r in
            g.entities[r.subject]?.label == "杭州市人大常委会" && g.entities[r.object]?.label == "《杭州市河道管理条例》"
        })
    }

    @Test func aBrokenWordDocumentIsAClearError() throws {
        #expect(throws: IngestError.self) { try DocumentReader().read(bytes: [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], id: "x", location: "x.docx") }
        let noBody = try Archive(data: Data(), accessMode: .create)
        let data = Data("<Types/>".utf8)
        try noBody.addEntry(with: "[Content_Types].xml", type: .file, uncompressedSize: Int64(data.count)) { p, s in
            data.subdata(in: Int(p)..<Int(p) + s)
        }
        do {
            _ = try DocumentReader().read(bytes: [UInt8](noBody.data!), id: "x", location: "x.docx")
            Issue.record("a ZIP without word/document.xml was read")
        } catch {
            #expect(error.message == "not a Word document (word/document.xml is missing)")
        }
    }

    @Test func markdownLosesItsMarkupNotItsText() throws {
        let md = """
            ---
            title: ignored
            ---
            # 杭州市人大常委会2023年工作报告
            > 常委会**制定**《杭州市河道管理条例》。
            - 开展[《中华人民共和国水法》](https://example.org/law)执法检查。
            | 市委书记 | 王明 |
            """
        let doc = try DocumentReader().read(bytes: Array(md.utf8), id: "notes", location: "notes.md")
        #expect(String(String.UnicodeScalarView(doc.scalars))
                == "杭州市人大常委会2023年工作报告\n常委会制定《杭州市河道管理条例》。\n开展《中华人民共和国水法》执法检查。\n市委书记\u{3000}王明")
        #expect(doc.format == "text/markdown; charset=utf-8")
    }

    @Test func formatsAreToldByContentThenExtension() {
        #expect(DocumentFormat.detect(bytes: [0x50, 0x4B, 0x03, 0x04], path: "a.txt") == .docx)
        #expect(DocumentFormat.detect(bytes: Array("  <!DOCTYPE html><html>".utf8), path: "saved.txt") == .html)
        #expect(DocumentFormat.detect(bytes: Array("<p>x</p>".utf8), path: "a.HTM") == .html)
        #expect(DocumentFormat.detect(bytes: Array("# x".utf8), path: "dir.v2/a.md") == .markdown)
        #expect(DocumentFormat.detect(bytes: Array("x".utf8), path: "dir.v2/readme") == .text)
    }
}
