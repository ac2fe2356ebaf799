import Foundation
import Testing
import DocGraphModel
@testable import DocGraphExtract

/// Towns, villages and zones that no gazetteer lists, and their bodies (the rules alone, invented
/// places and names).
struct LocalBodiesTests {
    let checks = NationalBodiesTests()

    @Test func aTownsBodiesAreItsOwn() throws {
        let g = try checks.read("会议听取了余杭区青梅镇人民政府工作报告和青梅镇人大主席团工作报告。青梅镇党委书记唐晓梅出席。",
                                title: "青梅镇召开人民代表大会")
        let orgs = checks.organizations(g)
        #expect(orgs.isSuperset(of: ["青梅镇人民政府", "青梅镇人民代表大会主席团", "青梅镇党委"]))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "青梅镇党委"))
        #expect(checks.has(g, "青梅镇人民代表大会主席团", "partOf", "青梅镇人民代表大会"))
    }

    @Test func theLevelWordStandsForTheDocumentsTown() throws {
        let g = try checks.read("镇党委书记唐晓梅、党委副书记、镇长郑国栋出席。全镇上下齐心协力。", title: "青梅镇召开企业家座谈会")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "青梅镇党委"))
        #expect(checks.has(g, "郑国栋", "holdsPosition", "青梅镇党委"))
        #expect(checks.has(g, "郑国栋", "holdsPosition", "青梅镇人民政府"))
        #expect(!checks.organizations(g).contains { $0.hasPrefix("镇") })
    }

    @Test func aVillagesBodiesAreItsOwn() throws {
        let g = try checks.read("青梅镇桃源村党支部书记唐晓梅、桃源村村民委员会主任郑国栋和柳湾社区居委会主任韩立新参加。",
                                title: "余杭区召开基层党建会议")
        let orgs = checks.organizations(g)
        #expect(orgs.isSuperset(of: ["桃源村党支部", "桃源村村民委员会", "柳湾社区居民委员会"]))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "桃源村党支部"))
    }

    @Test func aSubDistrictsOfficeAndWorkingCommittee() throws {
        let g = try checks.read("，柳湾街道办事处和柳湾街道党工委联合开展活动。", title: "余杭区新闻")
        #expect(checks.organizations(g).isSuperset(of: ["柳湾街道办事处", "柳湾街道党工委"]))
    }

    @Test func aTownHasNoCourtAndNoCPPCC() throws {
        let g = try checks.read("，青梅街道政协委员之家揭牌。", title: "余杭区新闻")
        #expect(!checks.organizations(g).contains("青梅街道政协"))
    }

    @Test func wordsThatOnlyEndLikeASettlementAreNoPlace() throws {
        let g = try checks.read("市住房和城乡建设局推进城乡融合，新型城镇建设取得成效。")
        #expect(!checks.organizations(g).contains { $0.contains("城乡局") || $0.hasSuffix("城镇") })
    }

    @Test func aZonesBodiesAreItsOwn() throws {
        let g = try checks.read("，青梅新区党工委委员、管委会副主任唐晓梅出席。", title: "杭州市召开协作会议")
        #expect(checks.organizations(g).contains("青梅新区党工委"))
    }

    @Test func aBareGovernmentRightAfterATownsBodyIsTheTowns() throws {
        let g = try checks.read("企业家们对一年来镇党委政府的工作给予肯定。", title: "青梅镇召开企业家座谈会")
        #expect(checks.organizations(g).contains("青梅镇人民政府"))
        #expect(!checks.organizations(g).contains { $0.hasSuffix("县人民政府") })
    }

    @Test func aBareGovernmentListedRightAfterATownsBodyIsTheTowns() throws {
        let g = try checks.read("在县委、县政府的正确领导下，乡党委、政府团结带领全乡人民扎实工作。", title: "桐庐县青梅乡召开人民代表大会")
        #expect(checks.organizations(g).contains("青梅乡人民政府"))
        #expect(checks.organizations(g).contains("桐庐县人民政府"))
    }
}
