import Foundation
import Testing
import DocGraphModel
@testable import DocGraphExtract

/// Each rule family on short sentences of a made-up Hangzhou report.
struct ExtractorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rules = Result { try ExtractionRules.load(directory: root.appendingPathComponent("Ontology").path) }

    func read(_ body: String, title: String = "杭州市人大常委会2023年工作报告") throws -> KnowledgeGraph {
        let text = title + "\n" + body
        return Extractor(rules: try Self.rules.get()).extract(TextDocument(id: "t", text: text, checksum: ""))
    }

    func labels(_ g: KnowledgeGraph, _ kind: String) -> Set<String> {
        Set(g.entities.values.filter { $0.type == DG.term(kind) }.map(\.label))
    }

    func has(_ g: KnowledgeGraph, _ s: String, _ p: String, _ o: String) -> Bool {
        g.relations.values.contains { r in
            g.entities[r.subject]?.label == s && r.predicate == DG.term(p) && g.entities[r.object]?.label == o
        }
    }

    @Test func shortFormsResolveToTheDocumentsPlace() throws {
        let g = try read("在市委的坚强领导下，常委会向省人大常委会报告工作。中共杭州市委召开会议。杭州市第十四届人民代表大会常务委员会通过决定。")
        let orgs = labels(g, "Organization")
        #expect(orgs.isSuperset(of: ["杭州市人大常委会", "杭州市委", "浙江省人大常委会"]))
        #expect(!orgs.contains("中共杭州市委"))
        #expect(g.entities.values.first { $0.label == "杭州市委" }?.aliases.contains("中共杭州市委") == true)
        #expect(g.entities.values.first { $0.label == "杭州市人大常委会" }?.aliases.contains("杭州市第十四届人民代表大会常务委员会") == true)
        #expect(has(g, "杭州市委", "leads", "杭州市人大常委会"))
        #expect(has(g, "杭州市人大常委会", "reportsTo", "浙江省人大常委会"))
    }

    @Test func regulationsNeedAHeadNoun() throws {
        let g = try read("制定《杭州市河道管理条例》《杭州市养犬管理办法》，学习《人民日报》评论文章。")
        #expect(labels(g, "Regulation") == ["《杭州市河道管理条例》", "《杭州市养犬管理办法》"])
        #expect(has(g, "杭州市人大常委会", "enacted", "《杭州市河道管理条例》"))
        #expect(has(g, "杭州市人大常委会", "enacted", "《杭州市养犬管理办法》"))
    }

    @Test func collaborationIsNotEnactment() throws {
        let g = try read("配合省人大常委会制定《浙江省水资源条例》。")
        #expect(has(g, "浙江省人大常委会", "enacted", "《浙江省水资源条例》"))
        #expect(!has(g, "杭州市人大常委会", "enacted", "《浙江省水资源条例》"))
    }

    @Test func lawEnforcementInspection() throws {
        let g = try read("开展《中华人民共和国水法》《浙江省河道条例》执法检查。")
        #expect(has(g, "杭州市人大常委会", "inspected", "《中华人民共和国水法》"))
        #expect(has(g, "杭州市人大常委会", "inspected", "《浙江省河道条例》"))
    }

    @Test func postTitlesNamePeopleAndTheirOrganization() throws {
        let g = try read("市委书记王明到常委会调研，李强市长出席。王书记指出要加强监督。")
        #expect(labels(g, "Person") == ["王明", "李强"])
        #expect(has(g, "王明", "holdsPosition", "杭州市委"))
        #expect(has(g, "李强", "holdsPosition", "杭州市人民政府"))
        #expect(g.entities.values.first { $0.label == "王明" }?.aliases.contains("王书记") == true)
        let role = g.relations.values.first { g.entities[$0.subject]?.label == "王明" }?.role
        #expect(role == "市委书记")
    }

    @Test func quotedNamesAreProgramsOnlyWithAProgramNoun() throws {
        let g = try read("开展“清廊行动”，打造“数字治理”平台，破解“卡脖子”难题和体制机制障碍，组织“甲乙丙”“丁戊己”等活动。")
        #expect(labels(g, "Program") == ["清廊行动", "数字治理", "甲乙丙", "丁戊己"])
        #expect(has(g, "杭州市人大常委会", "organized", "清廊行动"))
        #expect(has(g, "杭州市人大常委会", "organized", "数字治理"))
    }

    @Test func aQuotedNumberIsNamedWithItsNoun() throws {
        let g = try read("聚焦全市“2048”产业体系建设，落实“3+2”工作体系。")
        #expect(labels(g, "Program") == ["2048产业体系", "3+2工作体系"])
        #expect(g.entities.values.first { $0.label == "2048产业体系" }?.aliases.contains("2048") == true)
    }

    @Test func aVerbAfterTheQuoteEndsTheProgramName() throws {
        let g = try read("走进代表“联络站”开展各类活动。举办“清风讲堂”系列活动。")
        let names = g.entities.values.flatMap { [$0.label] + $0.aliases }
        #expect(!names.contains { $0.contains("开展") })
        #expect(labels(g, "Program").contains("清风讲堂"))
    }

    @Test func aProgramShortFormJoinsItsFullName() throws {
        let g = try read("开展“人大代表联络日”活动。深化代表“联络日”活动。")
        #expect(labels(g, "Program") == ["人大代表联络日"])
    }

    @Test func everyEdgeCarriesItsEvidence() throws {
        let body = "制定《杭州市河道管理条例》。"
        let g = try read(body)
        let r = try #require(g.relations.values.first { $0.predicate == DG.term("enacted") })
        let p = try #require(r.provenance.first)
        #expect(p.sentence == body)
        #expect(p.rule == "enacted.cue-before")
        let text = Array(("杭州市人大常委会2023年工作报告\n" + body).unicodeScalars)
        let object = String(String.UnicodeScalarView(text[try #require(p.objectStart)..<(try #require(p.objectEnd))]))
        #expect(object == "《杭州市河道管理条例》")
    }

    @Test func textWithoutEntitiesGivesAnEmptyGraphWithItsDocument() throws {
        let g = try read("今天天气很好。", title: "随笔")
        #expect(g.entities.isEmpty)
        #expect(g.relations.isEmpty)
        #expect(g.documents.count == 1)
    }

    @Test func traditionalCharactersAreReadAndKeptInLabels() throws {
        let g = try read("在市委的堅強領導下，常委會制定《杭州市河道管理條例》。市委書記王明出席會議。",
                         title: "杭州市人大常委會2023年工作報告")
        // Labels keep the document's script; the simplified form is an alias.
        let author = try #require(g.entities.values.first { $0.label == "杭州市人大常委會" })
        #expect(author.aliases.contains("杭州市人大常委会"))
        #expect(has(g, "杭州市委", "leads", "杭州市人大常委會"))
        #expect(has(g, "杭州市人大常委會", "enacted", "《杭州市河道管理條例》"))
        let role = g.relations.values.first { g.entities[$0.subject]?.label == "王明" }?.role
        #expect(role == "市委書記")
    }

    @Test func fullWidthAndHalfWidthPunctuationReadAlike() throws {
        let full = try read("在市委的坚强领导下，制定《杭州市河道管理条例》；督促市政府落实。")
        let half = try read("在市委的坚强领导下,制定《杭州市河道管理条例》;督促市政府落实。")
        #expect(Set(full.relations.keys) == Set(half.relations.keys))
        #expect(full.relations.count == 3)
    }

    @Test func headerGivesTitleDateAndSource() {
        let doc = TextDocument(id: "d", text: "某市工作报告\n【信息来源:市人大办公室】\n【信息时间:2025-01-11 14:43 阅读次数: 】\n正文。", checksum: "")
        #expect(doc.title == "某市工作报告")
        #expect(doc.date == "2025-01-11")
        #expect(doc.source == "市人大办公室")
        let empty = TextDocument(id: "d", text: "某市工作报告\n【信息来源:】\n正文。", checksum: "")
        #expect(empty.source == nil)
    }

    @Test func aCongressAndItsStandingCommitteeAreTwoBodies() throws {
        let g = try read("在市人大及其常委会有力监督下，联合市中级法院、市公安局出台《关于办理醉驾案件的工作指引》。",
                         title: "杭州市人民检察院工作报告")
        #expect(has(g, "杭州市人民代表大会", "oversees", "杭州市人民检察院"))
        #expect(has(g, "杭州市人大常委会", "oversees", "杭州市人民检察院"))
        #expect(has(g, "杭州市人民检察院", "collaboratedWith", "杭州市中级人民法院"))
        #expect(has(g, "杭州市人民检察院", "collaboratedWith", "杭州市公安局"))
        #expect(has(g, "杭州市人民检察院", "enacted", "《关于办理醉驾案件的工作指引》"))
    }

    @Test func aReportDeliveredAtACongressSessionReportsToIt() throws {
        let g = try read("——2024年1月在杭州市第十四届人民代表大会第二次会议上\n各位代表：", title: "杭州市人民政府工作报告")
        #expect(has(g, "杭州市人民政府", "reportsTo", "杭州市人民代表大会"))
    }

    @Test func theBodyRightBeforeLeadershipLeadsAndTheSupervisorsOversee() throws {
        let g = try read("在省人大常委会的精心指导和市委的坚强领导下，在市人大、市政府的监督下，全市检察机关依法履职。",
                         title: "杭州市人民检察院工作报告")
        #expect(has(g, "杭州市委", "leads", "杭州市人民检察院"))
        #expect(!has(g, "浙江省人大常委会", "leads", "杭州市人民检察院"))
        #expect(has(g, "杭州市人民代表大会", "oversees", "杭州市人民检察院"))
    }

    @Test func hearingABodysReportIsOversight() throws {
        let g = try read("会议听取了市人民政府关于国有资产管理情况的报告。")
        #expect(has(g, "杭州市人大常委会", "oversees", "杭州市人民政府"))
    }

    @Test func aBodyOpeningARelativeClauseIsNotTheOneUrged() throws {
        let g = try read("督促市人代会票决确定的12项民生实事项目按时完成。督促市人民政府加快推进老旧小区改造。")
        #expect(!has(g, "杭州市人大常委会", "oversees", "杭州市人民代表大会"))
        #expect(has(g, "杭州市人大常委会", "oversees", "杭州市人民政府"))
    }

    @Test func aLawNamedShortAndInFullIsOneRegulation() throws {
        let g = try read("开展《中华人民共和国水法》执法检查，督促落实《水法》和水法规定。")
        let regs = g.entities.values.filter { $0.type == DG.term("Regulation") }
        #expect(regs.map(\.label) == ["《中华人民共和国水法》"])
        #expect(regs.first?.aliases.contains("《水法》") == true)
    }

    @Test func aDecisionToReviseARegulationAmendsIt() throws {
        let g = try read("会议表决通过了《杭州市人民代表大会常务委员会关于修改〈杭州市河道管理条例〉的决定》。")
        #expect(has(g, "杭州市人大常委会", "amended", "杭州市河道管理条例"))
        #expect(has(g, "杭州市人大常委会", "enacted", "《杭州市人民代表大会常务委员会关于修改〈杭州市河道管理条例〉的决定》"))
    }

    @Test func theSessionInACongresssReportIsTheCongressAndItsPresidiumPartOfIt() throws {
        let g = try read("大会推选唐晓梅、郑国栋为大会主席团常务主席。", title: "杭州市人民代表大会会议公报")
        #expect(has(g, "唐晓梅", "holdsPosition", "杭州市人民代表大会主席团"))
        #expect(has(g, "杭州市人民代表大会主席团", "partOf", "杭州市人民代表大会"))
    }
}
