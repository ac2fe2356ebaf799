import DocGraphModel
import Testing
@testable import DocGraphXML

struct XMLEventReaderTests {
    func events(_ xml: String) throws -> [XMLEvent] {
        let r = try XMLEventReader(bytes: Array(xml.utf8), source: "t.xml")
        var out: [XMLEvent] = []
        while let e = try r.next() { out.append(e) }
        return out
    }

    @Test func emptyElementsGiveAStartAndAnEnd() throws {
        let ev = try events("<a xmlns='urn:x'><b/></a>")
        #expect(ev.count == 4)
        guard case .startElement(let b) = ev[1] else { Issue.record("no start"); return }
        #expect(b.localName == "b" && b.namespace == "urn:x")
        guard case .endElement = ev[2] else { Issue.record("no end for <b/>"); return }
    }

    @Test func attributesAndNamespaceDeclarationsAreSeparated() throws {
        let ev = try events("<p:a xmlns:p='urn:p' p:x='1' y='2'/>")
        guard case .startElement(let a) = ev[0] else { Issue.record("no start"); return }
        #expect(a.namespaceDeclarations == [XMLNamespaceDeclaration(prefix: "p", namespace: "urn:p")])
        #expect(a.attribute("urn:p", "x") == "1")
        #expect(a.attribute("", "y") == "2")
    }

    @Test func malformedXMLReportsLineAndColumn() throws {
        #expect {
            _ = try events("<a>\n  <b>\n</a>")
        } throws: { error in
            guard let e = error as? ParseError else { return false }
            return e.source == "t.xml" && e.line == 3 && e.column > 0 && e.message.contains("mismatch")
        }
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let xml = "<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/hostname'>]><a>&x;</a>"
        var text = ""
        do {
            for e in try events(xml) { if case .text(let t) = e { text += t } }
        } catch {}
        #expect(text.isEmpty)
    }

    @Test func internalEntitiesAreExpanded() throws {
        let ev = try events("<!DOCTYPE a [<!ENTITY e 'urn:expanded'>]><a v='&e;'/>")
        guard case .startElement(let a) = ev[0] else { Issue.record("no start"); return }
        #expect(a.attribute("", "v") == "urn:expanded")
    }
}

struct XMLStreamWriterTests {
    @Test func charactersXMLCannotCarryAreReplaced() throws {
        let w = XMLStreamWriter(indent: false)
        try w.startDocument()
        try w.startElement("a")
        try w.attribute("v", "x\u{1}y")
        try w.text("a\u{0}b\u{FFFE}c <&> ]]>")
        try w.endDocument()
        #expect(w.contents.contains("<a v=\"x\u{FFFD}y\">a\u{FFFD}b\u{FFFD}c &lt;&amp;&gt; ]]&gt;</a>"))
        #expect(w.replacedCharacters == 3)
        // What was written parses back.
        let r = try XMLEventReader(bytes: Array(w.contents.utf8), source: "out")
        while try r.next() != nil {}
    }

    @Test func ncNamesFollowXML() {
        #expect(XMLText.isNCName("holdsPosition"))
        #expect(XMLText.isNCName("组织"))
        #expect(!XMLText.isNCName("1abc"))
        #expect(!XMLText.isNCName("a:b"))
        #expect(!XMLText.isNCName(""))
    }
}
