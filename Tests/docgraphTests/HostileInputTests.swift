import DocGraphIngest
import Foundation
import Testing
import ZIPFoundation

/// Hostile and broken files through `docgraph extract` and `docgraph convert`, as a user would
/// meet them. Every test runs in its own folder holding a previous output, and checks the exact
/// answer (the error text, or a bounded result) and that nothing else was written: the previous
/// output is byte for byte what it was, and no temporary file is left behind.
struct HostileInputTests {
    /// A folder with a previous output in it, to show that a failure leaves it alone.
    struct Sandbox {
        let dir: URL
        static let previous = Data("<previous output>\n".utf8)

        init() throws {
            dir = try CLI.temporaryDirectory()
            for name in ["out.nt", "out.rdf", "out.graphml"] {
                try Self.previous.write(to: dir.appendingPathComponent(name))
            }
        }

        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

        @discardableResult
        func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

        @discardableResult
        func write(_ name: String, _ data: Data) throws -> String {
            try data.write(to: dir.appendingPathComponent(name))
            return path(name)
        }

        func run(_ args: [String]) throws -> CLI.Result { try CLI.run(args, in: dir) }

        /// Files in the folder, hidden ones included.
        var listing: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() }

        /// The previous outputs are untouched and the folder holds only `expected` besides them.
        func expectNothingWritten(besides inputs: [String], _ comment: Comment? = nil) {
            for name in ["out.nt", "out.rdf", "out.graphml"] {
                #expect(FileManager.default.contents(atPath: path(name)) == Self.previous, "\(name) changed")
            }
            #expect(listing == (inputs + ["out.graphml", "out.nt", "out.rdf"]).sorted(), comment)
        }
    }

    static let rdfHead = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:e=\"http://example.org/\">"
    static let graphMLHead = """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="l" for="node" attr.name="label" attr.type="string"/>
        <graph id="G" edgedefault="directed">
        """
    static let secret = "SECRET-\(UUID().uuidString)"

    /// A DOCX whose document.xml is `body` (and any further entries).
    static func docx(_ body: String, more: [(String, Data)] = []) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in [("[Content_Types].xml", Data("<Types/>".utf8)), ("word/document.xml", Data(body.utf8))] + more {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { p, s in
                data.subdata(in: Int(p)..<Int(p) + s)
            }
        }
        return archive.data!
    }

    static func wordBody(_ inner: String, doctype: String = "") -> String {
        "<?xml version=\"1.0\"?>\(doctype)<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(inner)</w:body></w:document>"
    }

    static func paragraph(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }

    /// Nine levels of ten references each: 10^9 copies of "lol" if expanded.
    static let laughs: String = {
        var d = "<!DOCTYPE r [<!ENTITY l0 \"lol\">"
        for i in 1...9 { d += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        return d + "]>"
    }()

    // MARK: XML attacks

    @Test func externalEntitiesInRDFXMLReadNoFileAndNoURL() throws {
        let box = try Sandbox()
        let secretPath = try box.write("secret.txt", Self.secret)
        let doctype = "<!DOCTYPE r [<!ENTITY file SYSTEM \"file://\(secretPath)\"><!ENTITY web SYSTEM \"http://127.0.0.1:9/x\">"
            + "<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote;]>"
        try box.write("in.rdf", "<?xml version=\"1.0\"?>" + doctype + Self.rdfHead
            + "<rdf:Description rdf:about=\"http://example.org/a\"><e:p>[&file;][&web;]</e:p></rdf:Description></rdf:RDF>")
        let r = try box.run(["convert", "in.rdf", "result.nt"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try String(contentsOfFile: box.path("result.nt"), encoding: .utf8)
        #expect(out == "<http://example.org/a> <http://example.org/p> \"[][]\" .\n")
        #expect(!out.contains(Self.secret))
    }

    @Test func externalEntitiesInGraphMLReadNoFile() throws {
        let box = try Sandbox()
        let secretPath = try box.write("secret.txt", Self.secret)
        try box.write("in.graphml", "<?xml version=\"1.0\"?><!DOCTYPE graphml [<!ENTITY file SYSTEM \"file://\(secretPath)\">]>"
            + Self.graphMLHead + "<node id=\"n1\"><data key=\"l\">杭州市[&file;]</data></node></graph></graphml>")
        let r = try box.run(["convert", "in.graphml", "result.nt"])
        let out = (try? String(contentsOfFile: box.path("result.nt"), encoding: .utf8)) ?? ""
        #expect(!out.contains(Self.secret) && !r.stderr.contains(Self.secret))
    }

    @Test func externalEntitiesInHTMLAndWordReadNoFile() throws {
        let box = try Sandbox()
        let secretPath = try box.write("secret.txt", Self.secret)
        let doctype = "<!DOCTYPE r [<!ENTITY file SYSTEM \"file://\(secretPath)\">]>"
        try box.write("page.html", "\(doctype)<html><body><p>杭州市人大常委会主任王明主持会议。[&file;]</p></body></html>")
        try box.write("report.docx", try Self.docx(Self.wordBody(Self.paragraph("杭州市人大常委会主任王明主持会议。[&file;]"), doctype: doctype)))
        let r = try box.run(["extract", "page.html", "report.docx", "-o", "result.nt"])
        let out = (try? String(contentsOfFile: box.path("result.nt"), encoding: .utf8)) ?? ""
        #expect(r.status == 0, "\(r.stderr)")
        #expect(out.contains("王明"))
        #expect(!out.contains(Self.secret) && !r.stderr.contains(Self.secret))
    }

    @Test func billionLaughsFailFastInEveryXMLReader() throws {
        let box = try Sandbox()
        try box.write("laughs.rdf", Self.laughs + Self.rdfHead + "<rdf:Description rdf:about=\"http://example.org/a\"><e:p>&l9;</e:p></rdf:Description></rdf:RDF>")
        try box.write("laughs.graphml", Self.laughs + Self.graphMLHead + "<node id=\"n\"><data key=\"l\">&l9;</data></node></graph></graphml>")
        try box.write("laughs.docx", try Self.docx(Self.wordBody(Self.paragraph("&l9;"), doctype: Self.laughs)))
        let started = Date()
        let rdf = try box.run(["convert", "laughs.rdf", "out.nt"])
        #expect(rdf.status == 1)
        #expect(rdf.stderr.hasPrefix("laughs.rdf:1:") && rdf.stderr.hasSuffix(": error: detected an entity reference loop\n"))
        let graphml = try box.run(["convert", "laughs.graphml", "out.nt"])
        #expect(graphml.status == 1)
        #expect(graphml.stderr.hasPrefix("laughs.graphml:1:") && graphml.stderr.contains("error: detected an entity reference loop"))
        let word = try box.run(["extract", "laughs.docx", "-o", "out.nt"])
        #expect(word.status == 1)
        #expect(word.stderr.hasPrefix("laughs.docx: error: word/document.xml:1: detected an entity reference loop")
            || word.stderr.contains("detected an entity reference loop"))
        #expect(Date().timeIntervalSince(started) < 20)
        box.expectNothingWritten(besides: ["laughs.docx", "laughs.graphml", "laughs.rdf"])
    }

    /// The HTML parser expands no DTD entities: a laughs page is read, quickly, without them;
    /// nesting past libxml2's HTML limit is an error, not a page silently cut short.
    @Test func hostileHTMLIsBounded() throws {
        let box = try Sandbox()
        try box.write("laughs.html", Self.laughs + "<html><head><meta charset=\"utf-8\"></head><body><p>杭州市人大常委会主任王明主持会议。&l9;</p></body></html>")
        let started = Date()
        let laughs = try box.run(["extract", "laughs.html", "-o", "result.nt"])
        #expect(laughs.status == 0, "\(laughs.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
        let out = try String(contentsOfFile: box.path("result.nt"), encoding: .utf8)
        #expect(!out.contains("lollol"))
        try box.write("deep.html", "<html><body>" + String(repeating: "<div>", count: 300) + "杭州市人大常委会主任王明主持会议。"
            + String(repeating: "</div>", count: 300) + "</body></html>")
        let deep = try box.run(["extract", "deep.html", "-o", "out.nt"])
        #expect(deep.status == 1)
        #expect(deep.stderr == "deep.html: error: elements nested deeper than 256 levels (libxml2's limit for HTML)\n"
            + "docgraph: error: no document could be read; nothing written\n")
        box.expectNothingWritten(besides: ["deep.html", "laughs.html", "result.nt"])
    }

    @Test func nestingBeyondTheLimitIsRefusedByName() throws {
        let box = try Sandbox()
        let deep = String(repeating: "<x>", count: 300) + String(repeating: "</x>", count: 300)
        try box.write("deep.rdf", Self.rdfHead + "<rdf:Description rdf:about=\"http://example.org/a\"><e:p rdf:parseType=\"Literal\">"
            + deep + "</e:p></rdf:Description></rdf:RDF>")
        try box.write("deep.graphml", Self.graphMLHead + "<node id=\"n\"><data key=\"l\">" + deep + "</data></node></graph></graphml>")
        try box.write("deep.docx", try Self.docx(Self.wordBody(deep)))
        let rdf = try box.run(["convert", "deep.rdf", "out.nt"])
        #expect(rdf.status == 1)
        #expect(rdf.stderr.hasPrefix("deep.rdf:1:") && rdf.stderr.hasSuffix(": error: elements nested deeper than 256 levels (the limit)\n"))
        let graphml = try box.run(["convert", "deep.graphml", "out.rdf"])
        #expect(graphml.status == 1)
        #expect(graphml.stderr.contains("error: elements nested deeper than 256 levels (the limit)"))
        let word = try box.run(["extract", "deep.docx", "-o", "out.graphml"])
        #expect(word.status == 1)
        #expect(word.stderr.contains("elements nested deeper than 256 levels (the limit)"))
        box.expectNothingWritten(besides: ["deep.docx", "deep.graphml", "deep.rdf"])
    }

    @Test func deepTurtleAndDeepQueriesAreRefusedNotOverflowed() throws {
        let box = try Sandbox()
        try box.write("deep.ttl", "@prefix : <http://example.org/> .\n:a :p " + String(repeating: "(", count: 100_000)
            + "1" + String(repeating: ")", count: 100_000) + " .\n")
        let turtle = try box.run(["convert", "deep.ttl", "out.nt"])
        #expect(turtle.status == 1)
        #expect(turtle.stderr == "deep.ttl:2:263: error: blank nodes and collections nested deeper than 256 levels (the limit)\n")
        for (name, query) in [("groups.rq", "SELECT * WHERE { " + String(repeating: "{", count: 50_000) + String(repeating: "}", count: 50_000) + " }"),
                              ("brackets.rq", "ASK { FILTER(" + String(repeating: "(", count: 50_000) + "1" + String(repeating: ")", count: 50_000) + ") }"),
                              ("nots.rq", "ASK { FILTER(" + String(repeating: "!", count: 50_000) + "true) }"),
                              ("paths.rq", "ASK { ?s " + String(repeating: "(", count: 50_000) + "<http://e/p>" + String(repeating: ")", count: 50_000) + " ?o }")] {
            try box.write(name, query)
            let r = try box.run(["sparql", CLI.root.appendingPathComponent("Exports/suzhou-npc-2024.rdf").path, "-f", name])
            #expect(r.status == 1)
            #expect(r.stderr.hasPrefix("\(name):1:") && r.stderr.contains(": error: nested deeper than 128 levels (the limit)\n"), "\(r.stderr.prefix(200))")
        }
        box.expectNothingWritten(besides: ["brackets.rq", "deep.ttl", "groups.rq", "nots.rq", "paths.rq"])
    }

    @Test func aTextNodeBeyondTheLimitIsRefusedByName() throws {
        let box = try Sandbox()
        try box.write("big.rdf", Self.rdfHead + "<rdf:Description rdf:about=\"http://example.org/a\"><e:p>"
            + String(repeating: "x", count: 10_000_001) + "</e:p></rdf:Description></rdf:RDF>")
        let r = try box.run(["convert", "big.rdf", "out.nt"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("big.rdf:1:") && r.stderr.hasSuffix(": error: text longer than 10000000 bytes (the limit for one text node)\n"))
        box.expectNothingWritten(besides: ["big.rdf"])
    }

    // MARK: archives

    @Test func brokenWordArchivesAreClearErrors() throws {
        let box = try Sandbox()
        var body = try Self.docx(Self.wordBody(Self.paragraph(String(repeating: "杭州市人大常委会主任王明主持会议。", count: 50))))
        try box.write("truncated.docx", body.prefix(body.count / 2))
        // A byte of the compressed document flipped: the inflated part no longer matches its checksum.
        let at = body.range(of: Data("word/document.xml".utf8))!.upperBound + 40
        body[at] ^= 0xFF
        try box.write("corrupt.docx", body)
        let noBody = try Archive(data: Data(), accessMode: .create)
        try noBody.addEntry(with: "[Content_Types].xml", type: .file, uncompressedSize: Int64(8)) { (_: Int64, _: Int) in Data("<Types/>".utf8) }
        try box.write("nobody.docx", noBody.data!)
        for (name, message) in [("truncated.docx", "not a Word document (not a ZIP archive)"),
                                ("corrupt.docx", "word/document.xml is corrupt"),
                                ("nobody.docx", "not a Word document (word/document.xml is missing)")] {
            let r = try box.run(["extract", name, "-o", "out.nt"])
            #expect(r.status == 1)
            #expect(r.stderr.hasPrefix("\(name): error: \(message)"), "\(r.stderr)")
            #expect(r.stderr.hasSuffix("docgraph: error: no document could be read; nothing written\n"))
        }
        box.expectNothingWritten(besides: ["corrupt.docx", "nobody.docx", "truncated.docx"])
    }

    /// Inputs the fuzzer found: offsets past the end of the archive (which made ZIPFoundation's
    /// in-memory archive trap), and a deflate stream that never ends (which made it loop for ever).
    @Test func archivesTheFuzzerFoundAreClearErrors() throws {
        let box = try Sandbox()
        let expected = [("docx-offset-past-end-1.docx", "the central directory lies outside the archive"),
                        ("docx-offset-past-end-2.docx", "the central directory lies outside the archive"),
                        ("docx-endless-deflate.docx", "word/document.xml is corrupt (its checksum does not match)")]
        let started = Date()
        for (name, message) in expected {
            try box.write(name, try Data(contentsOf: CLI.root.appendingPathComponent("Tests/Fixtures/hostile/" + name)))
            let r = try box.run(["extract", name, "-o", "out.nt"])
            #expect(r.status == 1)
            #expect(r.stderr.hasPrefix("\(name): error: \(message)\n"), "\(r.stderr)")
        }
        #expect(Date().timeIntervalSince(started) < 20)
        box.expectNothingWritten(besides: expected.map(\.0))
    }

    // MARK: text

    @Test func emptyBlankAndBinaryFilesAreNamedForWhatTheyAre() throws {
        let box = try Sandbox()
        try box.write("empty.txt", Data())
        try box.write("blank.txt", " \n\t\r\n")
        try box.write("image.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF]))
        try box.write("latin1.txt", Data("杭州市".utf8) + Data([0xE9, 0x74, 0xE9]))
        let expected = [("empty.txt", "empty file"), ("blank.txt", "no text in the file (only whitespace)"),
                        ("image.png", "damaged image (its header cannot be read)"),
                        ("latin1.txt", "not valid UTF-8 (first bad byte at offset 9); pass --encoding if it is another encoding")]
        for (name, message) in expected {
            let r = try box.run(["extract", name, "-o", "out.nt"])
            #expect(r.status == 1)
            #expect(r.stderr == "\(name): error: \(message)\ndocgraph: error: no document could be read; nothing written\n")
        }
        box.expectNothingWritten(besides: ["blank.txt", "empty.txt", "image.png", "latin1.txt"])
    }

    @Test func mixedLineEndingsKeepSentencesAndOffsetsApart() throws {
        let box = try Sandbox()
        let text = "杭州市人大常委会工作报告\r\n市人大常委会主任王明主持会议\r李强出席会议\n会议审议通过了《杭州市河道管理条例》"
        try box.write("mixed.txt", text)
        let r = try box.run(["extract", "mixed.txt", "-o", "result.nt"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try String(contentsOfFile: box.path("result.nt"), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        // Each piece of evidence: its sentence, and where that sentence stands in the input.
        var evidence: [String: (sentence: String?, start: Int?, end: Int?)] = [:]
        for line in out.split(separator: "\n") where line.contains("/evidence/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, parts[2].hasPrefix("\"") else { continue }   // literals only
            let node = String(parts[0]), value = String(parts[2].split(separator: "\"")[0])
            if parts[1].hasSuffix("#sentence>") { evidence[node, default: (nil, nil, nil)].sentence = value }
            if parts[1].hasSuffix("#sentenceStart>") { evidence[node, default: (nil, nil, nil)].start = Int(value) }
            if parts[1].hasSuffix("#sentenceEnd>") { evidence[node, default: (nil, nil, nil)].end = Int(value) }
        }
        #expect(Set(evidence.values.compactMap(\.sentence)) == ["市人大常委会主任王明主持会议", "会议审议通过了《杭州市河道管理条例》"])
        for e in evidence.values {
            guard let a = e.start, let b = e.end, a < b, b <= scalars.count else { Issue.record("bad offsets \(e)"); continue }
            #expect(String(String.UnicodeScalarView(scalars[a..<b])) == e.sentence)
        }
    }

    @Test func textWithNoPunctuationIsSplitAtTheMaximumSentenceLength() throws {
        let box = try Sandbox()
        // 1 MB of names and words with no stop and no line break (the README quotes 100 MB, timed).
        let run = String(repeating: "杭州市人大常委会主任王明主持会议李强出席", count: 17_500)
        try box.write("run-on.txt", run)
        try box.write("quarter.txt", String(repeating: "杭州市人大常委会主任王明主持会议李强出席", count: 17_500 / 4))
        // Linear in the text, not quadratic: four times the text takes about four times as long (a
        // quadratic split would take sixteen). A ratio of two runs on the same machine, not a wall-clock
        // limit, which a loaded machine broke (112 s against 90 on a debug build).
        var started = Date()
        let quarter = try box.run(["extract", "quarter.txt", "-o", "quarter.nt"])
        let quarterTime = Date().timeIntervalSince(started)
        #expect(quarter.status == 0, "\(quarter.stderr)")
        started = Date()
        let r = try box.run(["extract", "run-on.txt", "-o", "result.nt"])
        let fullTime = Date().timeIntervalSince(started)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(fullTime < 9 * max(quarterTime, 0.5), "1 MB took \(fullTime) s, a quarter of it \(quarterTime) s")
        let out = try String(contentsOfFile: box.path("result.nt"), encoding: .utf8)
        // The sentence literals: between the first quote and the closing `"@zh-Hans`.
        let lengths = out.split(separator: "\n").filter { $0.contains("#sentence> \"") }.compactMap { line -> Int? in
            guard let open = line.firstIndex(of: "\""), let close = line.range(of: "\"@", options: .backwards) else { return nil }
            return line[line.index(after: open)..<close.lowerBound].unicodeScalars.count
        }
        #expect(lengths.count > 10)
        #expect(lengths.allSatisfy { $0 <= 2_000 })
        #expect(lengths.contains(2_000))   // the run-on text was cut at the maximum, not at random
    }

    @Test func forbiddenCharactersAndMarkupInNamesNeverMakeAMalformedFile() throws {
        let box = try Sandbox()
        try box.write("names.txt", "2023年，杭州市人大常委会制定了《杭州市<&\"]]>河道管理条例》和《杭州市\u{1}\u{FFFE}\u{FFFF}养犬管理办法》。")
        let r = try box.run(["extract", "names.txt", "-o", "result.rdf", "-o", "result.graphml", "-o", "result.nt"])
        #expect(r.status == 0, "\(r.stderr)")
        // Both XML files read back, and every format carries the same names.
        for file in ["result.rdf", "result.graphml"] {
            let back = try box.run(["convert", file, file + ".nt"])
            #expect(back.status == 0, "\(back.stderr)")
            let nt = try String(contentsOfFile: box.path(file + ".nt"), encoding: .utf8)
            #expect(nt.contains("\"《杭州市<&\\\"]]>河道管理条例》\"@zh-Hans"))
            #expect(nt.contains("\"《杭州市\u{FFFD}\u{FFFD}\u{FFFD}养犬管理办法》\"@zh-Hans"))
        }
        let nt = try String(contentsOfFile: box.path("result.nt"), encoding: .utf8)
        #expect(nt.contains("\"《杭州市\u{FFFD}\u{FFFD}\u{FFFD}养犬管理办法》\"@zh-Hans"))
        #expect(!nt.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    // MARK: outputs

    @Test func aFailedConversionLeavesThePreviousOutputAlone() throws {
        let box = try Sandbox()
        try box.write("bad.rdf", Self.rdfHead + "<rdf:Description rdf:about=\"http://example.org/a\"><e:p>unclosed</rdf:Description>")
        let r = try box.run(["convert", "bad.rdf", "out.nt"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("bad.rdf:1:"))
        box.expectNothingWritten(besides: ["bad.rdf"])
    }

    @Test func noOutputIsReplacedUnlessAllCanBeWritten() throws {
        let box = try Sandbox()
        try box.write("report.txt", "杭州市人大常委会主任王明主持会议。")
        let r = try box.run(["extract", "report.txt", "-o", "out.nt", "-o", "out.rdf", "-o", "missing/out.graphml"])
        #expect(r.status == 1)
        #expect(r.stderr == "missing/out.graphml: error: the folder 'missing' does not exist\n")
        let underAFile = try box.run(["extract", "report.txt", "-o", "out.nt", "-o", "report.txt/out.rdf"])
        #expect(underAFile.status == 1)
        #expect(underAFile.stderr == "report.txt/out.rdf: error: the folder 'report.txt' does not exist\n")
        box.expectNothingWritten(besides: ["report.txt"])
    }

    @Test func aFullDiskIsAClearErrorAndLeavesNothingBehind() throws {
        let box = try Sandbox()
        // A file size limit stands in for a full disk: writes fail part-way, as they would.
        let r = try CLI.run(["-c", "ulimit -f 8; exec \"$0\" convert \"$1\" out.nt", CLI.binary,
                             CLI.root.appendingPathComponent("Exports/suzhou-npc-2024.rdf").path],
                            in: box.dir, executable: "/bin/sh")
        #expect(r.status == 1)
        #expect(r.stderr == "out.nt: error: write failed: File too large\n")
        box.expectNothingWritten(besides: [])
    }

    @Test func anInterruptedWriteLeavesNoTemporaryFile() throws {
        let box = try Sandbox()
        // A graph big enough that writing it takes a while.
        var lines = ""
        for i in 0..<200_000 { lines += "<http://example.org/s\(i)> <http://example.org/p> \"杭州市第\(i)号\" .\n" }
        try box.write("big.nt", lines)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["convert", "big.nt", "out.rdf"]
        p.currentDirectoryURL = box.dir
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait for the temporary file to appear, then interrupt.
        let deadline = Date().addingTimeInterval(30)
        while !box.listing.contains(where: { $0.hasPrefix(".out.rdf.tmp-") }) && p.isRunning && Date() < deadline { usleep(2_000) }
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        if p.terminationReason == .uncaughtSignal {
            #expect(p.terminationStatus == SIGTERM)
            box.expectNothingWritten(besides: ["big.nt"], "a temporary file was left behind")
        } else {
            // The conversion won the race: then it must have finished whole.
            #expect(p.terminationStatus == 0)
            #expect(!box.listing.contains { $0.contains(".tmp-") })
        }
    }
}
