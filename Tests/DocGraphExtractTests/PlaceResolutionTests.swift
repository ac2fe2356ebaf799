import Foundation
import Testing
import DocGraphModel
@testable import DocGraphExtract

/// Places at every level: county and district bodies, level words resolved to the document's own
/// place, short forms whose place is never named, and bodies whose ending depends on the level.
/// The documents are made up; the places are real divisions from the gazetteer.
struct PlaceResolutionTests {
    func read(_ body: String, title: String, place: String? = nil) throws -> KnowledgeGraph {
        let rules = try ExtractorTests.rules.get()
        let extractor = Extractor(rules: rules, defaultPlace: place.flatMap { Extractor(rules: rules).place(named: $0) })
        return extractor.extract(TextDocument(id: "t", text: title + "\n" + body, checksum: ""))
    }

    func organizations(_ g: KnowledgeGraph) -> Set<String> {
        Set(g.entities.values.filter { $0.type == DG.term("Organization") }.map(\.label))
    }

    @Test func countyLevelWordsNameTheCountysBodies() throws {
        let g = try read("在县委的坚强领导下，县人大常委会听取审议县人民政府的报告，县政协主席出席。",
                         title: "桐庐县人大常委会工作报告")
        #expect(organizations(g).isSuperset(of: ["桐庐县委", "桐庐县人大常委会", "桐庐县人民政府", "桐庐县政协"]))
    }

    @Test func aCountyLevelCitysCityWordIsItself() throws {
        // 市 in a report of a county-level city is that city, not the prefecture above it.
        let g = try read("市委书记出席，市政协召开全体会议。", title: "义乌市政协工作报告")
        #expect(organizations(g).isSuperset(of: ["义乌市委", "义乌市政协"]))
        #expect(!organizations(g).contains("金华市委"))
    }

    @Test func aDistrictsPlaceIsInferredFromTheLevelItsBodiesAreNamedAt() throws {
        let g = try read("会议指出，拱墅区要加快发展。区政府、区政协负责同志出席，拱墅区各街道参加。",
                         title: "区政府召开常务会议")
        #expect(organizations(g).isSuperset(of: ["拱墅区人民政府", "拱墅区政协"]))
    }

    @Test func aLevelWordWithoutAPlaceKeepsTheNameAsWritten() throws {
        let g = try read("区人大常委会组织代表视察。", title: "代表视察活动")
        #expect(organizations(g).contains("区人大常委会"))
    }

    @Test func thePlaceCanBeGivenOnTheCommandLine() throws {
        let g = try read("区人大常委会组织代表视察。", title: "代表视察活动", place: "拱墅区")
        #expect(organizations(g).contains("拱墅区人大常委会"))
    }

    @Test func cppccAndPartyPrefixesNameThePlacesBody() throws {
        let g = try read("政协桐庐县委员会常务委员会召开会议，中国共产党桐庐县委员会有关负责同志出席。", title: "会议报道")
        #expect(organizations(g).isSuperset(of: ["桐庐县政协常委会", "桐庐县委"]))
    }

    @Test func aProvincesCourtIsItsHighCourtAndAPlaceBeforeADistrictIsKeptAsAnAlias() throws {
        let g = try read("省法院出席。杭州市拱墅区人民法院院长作报告。", title: "浙江省人大常委会工作报告")
        let orgs = organizations(g)
        #expect(orgs.isSuperset(of: ["浙江省高级人民法院", "拱墅区人民法院"]))
        #expect(g.entities.values.first { $0.label == "拱墅区人民法院" }?.aliases.contains("杭州市拱墅区人民法院") == true)
    }

    @Test func pluralLevelWordsAndKindsOfBodiesAreNoBody() throws {
        let g = try read("各县级市和区党委加强领导，建设服务型政府，社区党委积极参与。", title: "杭州市人大常委会工作报告")
        let orgs = organizations(g)
        #expect(!orgs.contains { $0.hasSuffix("区党委") })
        #expect(!orgs.contains("杭州市人民政府"))
    }

    @Test func aCommitteeNamedAfterItsBodyIsPartOfIt() throws {
        let g = try read("任命唐晓梅为省人大常委会财政经济工作委员会副主任。省人大法制委员会提出审议结果的报告。",
                         title: "浙江省人大常委会会议")
        let orgs = organizations(g)
        #expect(orgs.isSuperset(of: ["浙江省人大常委会财政经济工作委员会", "浙江省人民代表大会法制委员会"]))
        #expect(g.entities.values.first { $0.label == "浙江省人民代表大会法制委员会" }?.aliases.contains("浙江省人大法制委员会") == true)
        #expect(g.relations.values.contains { r in
            r.predicate == DG.term("partOf") && g.entities[r.subject]?.label == "浙江省人大常委会财政经济工作委员会"
                && g.entities[r.object]?.label == "浙江省人大常委会"
        })
        // A member (委员) is no committee.
        #expect(!orgs.contains { $0.hasSuffix("常委会委") })
    }

    @Test func aTraditionalDocumentKeepsItsScriptInLabels() throws {
        let g = try read("廣東省人大常委會審議通過有關決定，省人民政府負責實施。", title: "廣東省人大常委會會議")
        let orgs = organizations(g)
        #expect(orgs.isSuperset(of: ["廣東省人大常委會"]))
        #expect(g.entities.values.first { $0.label == "廣東省人大常委會" }?.aliases.contains("广东省人大常委会") == true)
    }

    @Test func regulationsNamedWithoutQuotesAfterACueVerb() throws {
        let g = try read("常委会制订养老服务条例，修改城镇园林绿化条例，提出修改意见。", title: "浙江省人大常委会工作报告")
        let regs = Set(g.entities.values.filter { $0.type == DG.term("Regulation") }.map(\.label))
        #expect(regs == ["养老服务条例", "城镇园林绿化条例"])
        #expect(g.relations.values.contains { r in r.predicate == DG.term("enacted") && g.entities[r.object]?.label == "养老服务条例" })
        #expect(g.relations.values.contains { r in r.predicate == DG.term("amended") && g.entities[r.object]?.label == "城镇园林绿化条例" })
    }

    @Test func aPlaceTheMetadataNamesResolvesTheLevelWords() throws {
        let g = try read("来源:拱墅区人大常委会\n区人大常委会组织代表视察，区政府有关部门参加。", title: "代表视察活动")
        #expect(organizations(g).isSuperset(of: ["拱墅区人大常委会", "拱墅区人民政府"]))
    }

    @Test func departmentsTheLexiconDoesNotListAreReadButNotWordsEndingLikeThem() throws {
        let g = try read("会议决定任命唐晓梅任市公用事业局局长，服务全市工作大局。受市人大常委会主任委托，副主任出席。",
                         title: "杭州市人大常委会会议")
        let orgs = organizations(g)
        #expect(orgs.contains("杭州市公用事业局"))
        #expect(!orgs.contains { $0.hasSuffix("大局") })
        #expect(!orgs.contains { $0.hasSuffix("主任委") })
    }
}
