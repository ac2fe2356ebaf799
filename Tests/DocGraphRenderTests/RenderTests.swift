import DocGraphModel
import DocGraphQuery
import DocGraphXML
import Foundation
import Testing
@testable import DocGraphRender

/// The DOT DocGraph writes, and Graphviz's drawing of it.
struct RenderTests {
    static func graph(names: [String]) -> KnowledgeGraph {
        var g = KnowledgeGraph()
        let org = DG.term("Organization")
        let entities = names.map { Entity(type: org, label: $0, documents: ["d"]) }
        for e in entities { g.add(e) }
        for (a, b) in zip(entities, entities.dropFirst()) {
            g.add(Relation(subject: a.node, predicate: DG.term("oversees"), object: b.node, confidence: 0.9,
                           provenance: [Provenance(document: "d", sentence: "s", sentenceStart: 0, sentenceEnd: 1, rule: "r")]))
        }
        return g
    }

    @Test(arguments: [("a\"b", "\"a\\\"b\""), ("a\\n", "\"a\\\\n\""), ("R&D <x>", "\"R&amp;D <x>\""), ("a\u{1}b\nc", "\"a\u{FFFD}b\\nc\"")])
    func labelsAreEscapedForDOT(_ name: String, _ quoted: String) {
        #expect(DOTWriter.quoted(name) == quoted)
    }

    @Test func theSVGHasOneNodePerEntityAndNamesThatDrawAsWritten() throws {
        let names = ["某市人大常委会", "某市\"法院\"", "R&D <Office>", "back\\slash", "控制\u{7}字符"]
        let selection = try DrawingSelection(GraphQuery(Self.graph(names: names)), .init())
        let dot = DOTWriter.dot(selection, layout: "sfdp")
        let svg = try GraphvizRenderer().render(dot: dot, layout: "sfdp", format: "svg")
        // Well-formed XML (libxml2), with one node group per entity and each name as its text.
        let reader = try XMLEventReader(bytes: svg, source: "picture.svg")
        var nodeGroups = 0, texts: [String] = []
        var inText = false
        while let event = try reader.next() {
            switch event {
            case .startElement(let e):
                if e.localName == "g", e.attribute("", "class") == "node Organization" { nodeGroups += 1 }
                inText = e.localName == "text"
            case .text(let t) where inText: texts.append(t)
            default: inText = false
            }
        }
        #expect(nodeGroups == names.count)
        for name in ["某市人大常委会", "某市\"法院\"", "R&D <Office>", "back\\slash", "控制\u{FFFD}字符"] {
            #expect(texts.contains(name), "\(name) not drawn as written")
        }
    }

    @Test func everyFormatOfOneCallShowsTheSameLayout() throws {
        let selection = try DrawingSelection(GraphQuery(Self.graph(names: (1...30).map { "机构\($0)" })), .init())
        let pictures = try GraphvizRenderer().render(dot: DOTWriter.dot(selection), layout: "sfdp", formats: ["svg", "png", "svg"])
        #expect(pictures[1].starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(pictures[0] == pictures[2], "one call drew two layouts")
    }

    @Test func aCappedOrEmptyPictureSaysSo() throws {
        let capped = try DrawingSelection(GraphQuery(Self.graph(names: (1...10).map { "机构\($0)" })), .init(maximumNodes: 4))
        #expect(DOTWriter.dot(capped).contains("4 of 10 entities drawn"))
        let empty = try DrawingSelection(GraphQuery(KnowledgeGraph()), .init())
        #expect(DOTWriter.dot(empty).contains("nothing to draw"))
        #expect(try GraphvizRenderer().render(dot: DOTWriter.dot(empty), layout: "sfdp", format: "svg").count > 0)
    }

    @Test func theLegendAndCaptionSitAboveThePictureWithTheirTextEscaped() throws {
        let selection = try DrawingSelection(GraphQuery(Self.graph(names: (1...10).map { "机构\($0)" })), .init(maximumNodes: 4))
        let dot = DOTWriter.dot(selection, title: "R&D <\"报告\">\u{1}")
        // One HTML-like label holds the caption and the legend; no legend nodes among the entities.
        #expect(dot.contains("label=<<TABLE"))
        #expect(dot.contains("R&amp;D &lt;&quot;报告&quot;&gt;\u{FFFD}"))
        #expect(!dot.contains("cluster"))
        let svg = try GraphvizRenderer().render(dot: dot, layout: "sfdp", format: "svg")
        let reader = try XMLEventReader(bytes: svg, source: "picture.svg")
        var texts: [String] = [], inText = false, nodes = 0
        while let event = try reader.next() {
            switch event {
            case .startElement(let e):
                if e.localName == "g", e.attribute("", "class")?.hasPrefix("node") == true { nodes += 1 }
                inText = e.localName == "text"
            case .text(let t) where inText: texts.append(t)
            default: inText = false
            }
        }
        #expect(nodes == 4)
        #expect(texts.contains("R&D <\"报告\">\u{FFFD}"))
        #expect(texts.contains("Organization (box)"))
        #expect(texts.contains { $0.contains("4 of 10 entities drawn") })
    }

    @Test func bigPicturesDrawEdgesStraight() throws {
        let small = try DrawingSelection(GraphQuery(Self.graph(names: (1...20).map { "机构\($0)" })), .init())
        let big = try DrawingSelection(GraphQuery(Self.graph(names: (1...250).map { "机构\($0)" })), .init())
        #expect(DOTWriter.dot(small).contains("splines=true"))
        #expect(DOTWriter.dot(big).contains("splines=line"))
        #expect(DOTWriter.dot(big, layout: "dot").contains("splines=true"))
    }

    @Test func anUnknownLayoutIsRefused() throws {
        #expect(throws: RenderError("unknown layout 'fdp': use sfdp, neato, dot, circo")) {
            try GraphvizRenderer().render(dot: "digraph { a }", layout: "fdp", format: "svg")
        }
    }
}

/// The HTML report: one file, its data safe inside the page.
struct HTMLReportTests {
    @Test func namesThatLookLikeMarkupStayText() throws {
        let g = RenderTests.graph(names: ["</script><b>某局</b>", "A & \"B\""])
        let selection = try DrawingSelection(GraphQuery(g), .init())
        let html = HTMLReport.html(graph: g, selection: selection, svg: "<svg></svg>", title: "<i>报告</i>")
        #expect(html.contains("<title>&lt;i&gt;报告&lt;/i&gt;</title>"))
        // The JSON block cannot be closed by a name; "\u003c" is the same character to JSON.
        #expect(html.components(separatedBy: "</script>").count == 3)
        #expect(html.contains("\\u003c/script\\u003e\\u003cb\\u003e某局\\u003c/b\\u003e"))
        #expect(!html.contains("http://") && !html.contains("https://"), "the report must not fetch anything")
    }

    @Test func theDataBlockIsJSONThatGivesBackEveryName() throws {
        let names = ["引号\"和\\反斜杠", "换行\n制表\t", "分隔\u{2028}符", "控制\u{1}字符"]
        let g = RenderTests.graph(names: names)
        let html = HTMLReport.html(graph: g, selection: try DrawingSelection(GraphQuery(g), .init()), svg: "", title: "t")
        let block = try #require(html.components(separatedBy: "<script type=\"application/json\" id=\"data\">").last?
            .components(separatedBy: "</script>").first)
        let data = try #require(try JSONSerialization.jsonObject(with: Data(block.replacingOccurrences(of: "<\\/", with: "</").utf8)) as? [String: Any])
        let read = (data["entities"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(Set(read) == Set(names))
        #expect((data["relations"] as? [Any])?.count == names.count - 1)
    }

    /// Names and sentences that would end the data block or send the HTML parser into its
    /// script-data states: the block holds no `<`, `>`, `&`, U+2028 or U+2029, and gives every
    /// name back.
    @Test func theDataBlockHoldsNoCharacterTheHTMLParserReads() throws {
        let names = ["<script>alert(1)</script>", "</script><script>alert(2)</script>", "<!--<script>", "<img src=x onerror=alert(3)>",
                     "R&D &amp; 分隔\u{2028}段\u{2029}"]
        var g = RenderTests.graph(names: names)
        let e = g.sortedEntities
        g.add(Relation(subject: e[0].node, predicate: DG.term("leads"), object: e[1].node,
                       provenance: [Provenance(document: "<!--<script>", sentence: "</script><!--<script>", sentenceStart: 0, sentenceEnd: 9, rule: "r")]))
        let html = HTMLReport.html(graph: g, selection: try DrawingSelection(GraphQuery(g), .init()), svg: "", title: "<!--<script>")
        let block = try #require(html.components(separatedBy: "<script type=\"application/json\" id=\"data\">").last?
            .components(separatedBy: "</script>").first)
        #expect(html.components(separatedBy: "<script").count == 3)
        for c in ["<", ">", "&", "\u{2028}", "\u{2029}"] { #expect(!block.contains(c), "the data block holds \(c)") }
        let data = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        #expect(Set((data["entities"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []) == Set(names))
        #expect(data["title"] as? String == "<!--<script>")
    }

    /// A sentence that two rules read the fact in is one piece of evidence on the card, with both rules.
    @Test func aSentenceIsListedOncePerRelation() throws {
        var g = KnowledgeGraph()
        let a = Entity(type: DG.term("Organization"), label: "甲", documents: ["d"]), b = Entity(type: DG.term("Regulation"), label: "《乙条例》", documents: ["d"])
        g.add(a); g.add(b)
        func seen(_ rule: String, _ start: Int) -> Provenance {
            Provenance(document: "d", sentence: "甲制定《乙条例》。", sentenceStart: start, sentenceEnd: start + 9, subjectStart: start,
                       subjectEnd: start + 1, objectStart: start + 3, objectEnd: start + 8, rule: rule)
        }
        g.add(Relation(subject: a.node, predicate: DG.term("enacted"), object: b.node,
                       provenance: [seen("enacted.cue", 0), seen("model.enacted", 0), seen("enacted.cue", 20)]))
        let html = HTMLReport.html(graph: g, selection: try DrawingSelection(GraphQuery(g), .init()), svg: "", title: "t")
        let block = try #require(html.components(separatedBy: "<script type=\"application/json\" id=\"data\">").last?
            .components(separatedBy: "</script>").first)
        let data = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        let evidence = try #require(((data["relations"] as? [[String: Any]])?.first?["evidence"]) as? [[String: Any]])
        #expect(evidence.count == 2)
        #expect(evidence.first?["rule"] as? String == "enacted.cue, model.enacted")
        #expect(evidence.last?["rule"] as? String == "enacted.cue")
    }

    @Test func anEmptyGraphsReportSaysSo() throws {
        let html = HTMLReport.html(graph: KnowledgeGraph(), selection: try DrawingSelection(GraphQuery(KnowledgeGraph()), .init()),
                                   svg: "", title: "空")
        #expect(html.contains("The graph is empty"))
    }
}
