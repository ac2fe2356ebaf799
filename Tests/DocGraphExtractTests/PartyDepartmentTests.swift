import Foundation
import Testing
import DocGraphModel
@testable import DocGraphExtract

/// A party committee's departments, a department's short name, a body's party group and a democratic
/// party's committee are bodies of their own (the rules alone, invented names).
struct PartyDepartmentTests {
    let checks = NationalBodiesTests()

    @Test func aPartyCommitteesDepartmentsArePartOfIt() throws {
        let g = try checks.read("市委组织部、中共杭州市委宣传部和市委网信办联合开展活动。省委宣传部副部长唐晓梅出席。")
        let orgs = checks.organizations(g)
        #expect(orgs.isSuperset(of: ["杭州市委组织部", "杭州市委宣传部", "杭州市委网信办", "浙江省委宣传部"]))
        #expect(checks.has(g, "杭州市委组织部", "partOf", "杭州市委"))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "浙江省委宣传部"))
        #expect(!orgs.contains("浙江省委宣传部副部"))
    }

    @Test func aDepartmentsShortNameIsItsFullName() throws {
        let g = try checks.read("市发改委、市卫健委会同市发展和改革委员会有关处室开展调研。")
        let orgs = checks.organizations(g)
        #expect(orgs.isSuperset(of: ["杭州市发展和改革委员会", "杭州市卫生健康委员会"]))
        #expect(!orgs.contains("杭州市发改委"))
    }

    @Test func aDepartmentStartingWithAStopCharacterIsReadWhenListed() throws {
        // 经 stops an unlisted department (经市政府批准), not the listed 经贸 and 经济贸易.
        let g = try checks.read("市经贸局局长唐晓梅、市经济贸易委员会主任郑国栋参加。经市政府批准，成立工作专班。")
        let orgs = checks.organizations(g)
        #expect(orgs.isSuperset(of: ["杭州市经贸局", "杭州市经济贸易委员会", "杭州市人民政府"]))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "杭州市经贸局"))
        #expect(!orgs.contains { $0.contains("经市") })
    }

    @Test func supplyAndCreditCooperativesAreBodiesOfTheirPlace() throws {
        let g = try checks.read("市供销社主任唐晓梅、市信用联社理事长郑国栋和余杭区供销合作社负责人参加。")
        let orgs = checks.organizations(g)
        #expect(orgs.isSuperset(of: ["杭州市供销社", "杭州市信用联社", "余杭区供销合作社"]))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "杭州市供销社"))
    }

    @Test func anInspectionTeamIsPartOfTheCommitteeThatSentIt() throws {
        let g = try checks.read("市委第二提级巡察组组长唐晓梅向区卫健局党组反馈巡察情况。")
        #expect(checks.organizations(g).contains("杭州市委第二提级巡察组"))
        #expect(checks.has(g, "杭州市委第二提级巡察组", "partOf", "杭州市委"))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "杭州市委第二提级巡察组"))
    }

    @Test func aPostAfterAPartyGroupsPostIsOfItsBody() throws {
        let g = try checks.read("市民政局党组书记、局长唐晓梅出席。", title: "杭州市召开民政工作会议")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "杭州市民政局党组"))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "杭州市民政局"))
    }

    @Test func aDemocraticPartysCommitteeKeepsThePartysName() throws {
        let g = try checks.read("九三学社市委主委唐晓梅出席。", title: "杭州市政协召开座谈会")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "九三学社杭州市委员会"))
    }

    @Test func placesListedBeforeABodyEachHaveOne() throws {
        let counties = try checks.read("桐庐、淳安县卫生健康局作交流发言。", title: "杭州市召开卫生健康工作会议")
        #expect(checks.organizations(counties).isSuperset(of: ["桐庐县卫生健康局", "淳安县卫生健康局"]))
        // Only places of the body's place's level: 临安 is a district, 建德 a county-level city.
        let mixed = try checks.read("临安、建德市卫生健康局作交流发言。", title: "杭州市召开卫生健康工作会议")
        #expect(checks.organizations(mixed).contains("建德市卫生健康局"))
        #expect(!checks.organizations(mixed).contains { $0.hasPrefix("临安") })
    }

    @Test func aMassOrganisationsFullAndShortNamesAreOneBody() throws {
        let g = try checks.read("市残疾人联合会召开会议，市残联理事长唐晓梅出席。", title: "杭州市召开残疾人工作会议")
        #expect(checks.organizations(g).contains("杭州市残联"))
        #expect(!checks.organizations(g).contains("杭州市残疾人联合会"))
    }

    @Test func aVerbThatEndsWithAPlacesFirstCharacterHidesThePlace() throws {
        // 开州 is a district; in 召开州委会议 it is no place.
        let g = try checks.read("州委书记唐晓梅主持召开州委常委会议。", title: "临夏州委召开会议")
        #expect(!checks.organizations(g).contains { $0.hasPrefix("开州") })
    }

    @Test func aLeaguesCommitteeAndAnOfficeNamedByItsAbbreviation() throws {
        let g = try checks.read("锡林郭勒盟委、市政府合作交流办主任唐晓梅出席。", title: "杭州市召开东西部协作会议")
        let orgs = checks.organizations(g)
        #expect(orgs.contains("锡林郭勒盟委"))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "杭州市人民政府合作交流办"))
    }
}
