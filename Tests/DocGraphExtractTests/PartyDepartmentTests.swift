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

    @Test func aPostAfterAPartyGroupsPostIsOfItsBody() throws {
        let g = try checks.read("市民政局党组书记、局长唐晓梅出席。", title: "杭州市召开民政工作会议")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "杭州市民政局党组"))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "杭州市民政局"))
    }

    @Test func aDemocraticPartysCommitteeKeepsThePartysName() throws {
        let g = try checks.read("九三学社市委主委唐晓梅出席。", title: "杭州市政协召开座谈会")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "九三学社杭州市委员会"))
    }
}
