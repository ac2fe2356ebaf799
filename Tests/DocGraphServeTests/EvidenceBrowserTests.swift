import DocGraphModel
import DocGraphQuery
import Testing
@testable import DocGraphServe

/// The evidence browser's pages from a small invented graph: a body with an alias that enacted a
/// regulation, the statement behind it with one piece of evidence, and the document it came from.
struct EvidenceBrowserTests {
    static let id = "https://w3id.org/docgraph/id/"
    static let body = IRI(unchecked: id + "organization/青禾市人大常委会")
    static let rule = IRI(unchecked: id + "regulation/《青禾市河道条例》")
    static let doc = IRI(unchecked: id + "document/qinghe-2030")

    static let store: TripleStore = {
        let st = Subject.iri(IRI(unchecked: id + "statement/1"))
        let ev = Subject.iri(IRI(unchecked: id + "statement/1/evidence/1"))
        let zh = { (s: String) in Term.literal(Literal(s, language: "zh-Hans")) }
        let int = { (n: Int) in Term.literal(Literal(String(n), datatype: XSD.integer)) }
        let sentence = "青禾市人大常委会制定《青禾市河道条例》。"
        return TripleStore([
            Triple(.iri(body), RDF.type, .iri(DG.term("Organization"))),
            Triple(.iri(body), SKOS.prefLabel, zh("青禾市人大常委会")),
            Triple(.iri(body), SKOS.altLabel, zh("禾城人大")),
            Triple(.iri(rule), RDF.type, .iri(DG.term("Regulation"))),
            Triple(.iri(rule), SKOS.prefLabel, zh("《青禾市河道条例》")),
            Triple(.iri(body), DG.term("enacted"), .iri(rule)),
            Triple(st, RDF.type, .iri(RDF.statement)),
            Triple(st, RDF.subject, .iri(body)),
            Triple(st, RDF.predicate, .iri(DG.term("enacted"))),
            Triple(st, RDF.object, .iri(rule)),
            Triple(st, DG.confidence, .literal(Literal("0.97", datatype: XSD.double))),
            Triple(st, DG.hasEvidence, ev.term),
            Triple(ev, RDF.type, .iri(DG.evidence)),
            Triple(ev, PROV.wasDerivedFrom, .iri(doc)),
            Triple(ev, DG.sentence, zh(sentence)),
            Triple(ev, DG.sentenceStart, int(100)),
            Triple(ev, DG.sentenceEnd, int(100 + sentence.unicodeScalars.count)),
            Triple(ev, DG.subjectStart, int(100)),
            Triple(ev, DG.subjectEnd, int(108)),
            Triple(ev, DG.objectStart, int(110)),
            Triple(ev, DG.objectEnd, int(119)),
            Triple(ev, DG.page, int(3)),
            Triple(ev, DG.rule, .literal(Literal("model.enacted"))),
            Triple(.iri(doc), RDF.type, .iri(DG.document)),
            Triple(.iri(doc), DCTerms.identifier, .literal(Literal("qinghe-2030"))),
            Triple(.iri(doc), DCTerms.title, .literal(Literal("青禾市人大常委会工作报告"))),
            Triple(.iri(doc), DG.mentions, .iri(body)),
        ])
    }()

    @Test func aSearchFindsAnEntityByAnAliasWithCountsByClass() {
        let page = EvidenceBrowser.search("禾城", in: Self.store)
        #expect(page.contains("1 entity"))
        #expect(page.contains("<span>Organization: 1</span>"))
        #expect(page.contains("<a href=\"\(BrowserPage.entityLink(Self.body.string))\">青禾市人大常委会</a>"))
        #expect(page.contains("<td>禾城人大</td>"))
        #expect(EvidenceBrowser.search("青禾", in: Self.store).contains("2 entities"))
        #expect(EvidenceBrowser.search("无此名", in: Self.store).contains("0 entities"))
    }

    @Test func anEntityPageShowsItsRelationsWithTheEvidenceMarked() throws {
        let page = try #require(EvidenceBrowser.entity(Self.body.string, in: Self.store))
        #expect(page.contains("<h1>青禾市人大常委会</h1>"))
        #expect(page.contains("also 禾城人大"))
        #expect(page.contains("<h2>Relations out (1)</h2>"))
        #expect(page.contains("<td>enacted</td>"))
        #expect(page.contains("<td>0.97</td>"))
        #expect(page.contains(#"<mark class="subject">青禾市人大常委会</mark>制定<mark class="object">《青禾市河道条例》</mark>。"#))
        #expect(page.contains("青禾市人大常委会工作报告 · page 3 · model.enacted"))
        #expect(page.contains("<img src=\"\(BrowserPage.pictureLink(Self.body.string))\""))
        let other = try #require(EvidenceBrowser.entity(Self.rule.string, in: Self.store))
        #expect(other.contains("<h2>Relations in (1)</h2>"))
    }

    @Test func anUnknownEntityHasNoPage() {
        #expect(EvidenceBrowser.entity(Self.id + "organization/nothing", in: Self.store) == nil)
        #expect(EvidenceBrowser.entity("../../etc/passwd", in: Self.store) == nil)
    }

    @Test func theNeighbourhoodIsDrawnAsSVG() throws {
        let svg = try #require(try EvidenceBrowser.picture(Self.body.string, in: Self.store))
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<svg"))
        #expect(text.contains("青禾市人大常委会"))
    }

    @Test func linksRoundTripAndKeepTheIRIReadable() {
        let link = BrowserPage.entityLink(Self.body.string)
        #expect(link.hasPrefix("/entity/https://w3id.org/docgraph/id/organization/%E9%9D%92"))
        #expect(BrowserPage.percentDecoded(link.dropFirst("/entity/".count)) == Self.body.string)
        #expect(BrowserPage.percentDecoded("%FF%FE") == nil)
        #expect(BrowserPage.percentDecoded("%E9%9") == nil)
    }

    @Test func theDocumentsPageListsThem() {
        let page = EvidenceBrowser.documents(in: Self.store)
        #expect(page.contains("<h1>Documents (1)</h1>"))
        #expect(page.contains("<td>qinghe-2030</td><td>青禾市人大常委会工作报告</td>"))
        #expect(page.contains("<td>1</td>"))
    }
}
