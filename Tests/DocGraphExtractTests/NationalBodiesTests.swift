import Foundation
import Testing
import DocGraphModel
@testable import DocGraphExtract

/// National bodies named without a place, and the bodies inside them, on sentences written for the
/// test with invented names (the rules alone).
struct NationalBodiesTests {
    func read(_ body: String, title: String = "杭州市人大常委会2023年工作报告") throws -> KnowledgeGraph {
        Extractor(rules: try ExtractorTests.rules.get()).extract(TextDocument(id: "t", text: title + "\n" + body, checksum: ""))
    }

    func organizations(_ g: KnowledgeGraph) -> Set<String> {
        Set(g.entities.values.filter { $0.type == DG.term("Organization") }.map(\.label))
    }

    func has(_ g: KnowledgeGraph, _ s: String, _ p: String, _ o: String) -> Bool {
        g.relations.values.contains { r in
            g.entities[r.subject]?.label == s && r.predicate == DG.term(p) && g.entities[r.object]?.label == o
        }
    }

    @Test func ministriesAndCentralOrgansAreNamedWithoutAPlace() throws {
        let g = try read("文化和旅游部、应急管理部和国家统计局联合印发通知，中央组织部、中共中央宣传部派员参加。")
        #expect(organizations(g).isSuperset(of: ["文化和旅游部", "应急管理部", "国家统计局", "中共中央组织部", "中共中央宣传部"]))
    }

    @Test func everyFormOfOneBodyIsOneNode() throws {
        let g = try read("国家发展和改革委员会召开会议。国家发展改革委主任出席。中华人民共和国外交部发布消息。")
        let orgs = organizations(g)
        #expect(orgs.contains("国家发展改革委"))
        #expect(!orgs.contains("国家发展和改革委员会"))
        #expect(g.entities.values.first { $0.label == "国家发展改革委" }?.aliases.contains("国家发展和改革委员会") == true)
        #expect(g.entities.values.first { $0.label == "外交部" }?.aliases.contains("中华人民共和国外交部") == true)
    }

    @Test func aWordThatGoesOnIsNoBody() throws {
        let g = try read("各地教育部门和民政部门要加强协作，公安部署专项行动。")
        #expect(organizations(g).isDisjoint(with: ["教育部", "民政部", "公安部"]))
    }

    @Test func aTitleThatSharesTheLastCharacterFollowsTheBody() throws {
        let g = try read("教育部长唐晓梅出席会议。")
        #expect(has(g, "唐晓梅", "holdsPosition", "教育部"))
    }

    @Test func subBodiesOfNationalBodiesArePartOfThem() throws {
        let g = try read("全国人大财政经济委员会副主任委员唐晓梅、司法部社区矫正管理局局长郑国栋、全国人大常委会办公厅研究室主任韩立新出席。")
        #expect(has(g, "全国人大财政经济委员会", "partOf", "全国人大"))
        #expect(has(g, "司法部社区矫正管理局", "partOf", "司法部"))
        #expect(has(g, "全国人大常委会办公厅研究室", "partOf", "全国人大常委会"))
        #expect(has(g, "唐晓梅", "holdsPosition", "全国人大财政经济委员会"))
        #expect(has(g, "郑国栋", "holdsPosition", "司法部社区矫正管理局"))
    }

    @Test func aNationalAdministrationsLocalOfficeIsTheOffice() throws {
        let g = try read("国家税务总局杭州市税务局召开会议，杭州市税务局机关党委书记唐晓梅主持。")
        #expect(organizations(g).contains("杭州市税务局"))
        #expect(has(g, "杭州市税务局", "partOf", "国家税务总局"))
        #expect(has(g, "杭州市税务局机关党委", "partOf", "杭州市税务局"))
        #expect(g.entities.values.first { $0.label == "杭州市税务局" }?.aliases.contains("国家税务总局杭州市税务局") == true)
    }

    @Test func aBodyKeptAtAnotherIsOneBodyPartOfItsSenders() throws {
        let g = try read("中央纪委国家监委驻文化和旅游部纪检监察组组长唐晓梅出席。")
        let name = "中央纪委国家监委驻文化和旅游部纪检监察组"
        #expect(organizations(g).contains(name))
        #expect(has(g, name, "partOf", "中央纪委"))
        #expect(has(g, name, "partOf", "国家监委"))
        #expect(has(g, "唐晓梅", "holdsPosition", name))
    }

    @Test func theGeneralSecretaryIsOfTheCentralCommitteeWhereTheDocumentNamesIt() throws {
        let named = try read("深入学习贯彻党中央决策部署和韩立新总书记重要讲话精神。")
        #expect(has(named, "韩立新", "holdsPosition", "中共中央"))
        let unnamed = try read("深入学习韩立新总书记重要讲话精神。")
        #expect(has(unnamed, "韩立新", "holdsPosition", "中国共产党"))
    }

    @Test func aSpecialCommitteeIsReadWholeConjunctionAndAll() throws {
        let g = try read("全国政协文化文史和学习委员会副主任唐晓梅、全国人大宪法和法律委员会委员郑国栋出席。教育部基础教育司司长韩立新主持。")
        #expect(has(g, "唐晓梅", "holdsPosition", "全国政协文化文史和学习委员会"))
        #expect(has(g, "全国政协文化文史和学习委员会", "partOf", "全国政协"))
        #expect(has(g, "郑国栋", "holdsPosition", "全国人大宪法和法律委员会"))
        #expect(has(g, "韩立新", "holdsPosition", "教育部基础教育司"))
    }

    @Test func institutesListedAfterOneNamedWithItsAcademyAreItsToo() throws {
        let g = try read("调研组先后到中国科学院声学研究所、光电技术研究所等院属单位调研。", title: "中国科学院开展专题调研")
        #expect(organizations(g).isSuperset(of: ["中国科学院声学研究所", "中国科学院光电技术研究所"]))
        #expect(has(g, "中国科学院光电技术研究所", "partOf", "中国科学院"))
    }
}
