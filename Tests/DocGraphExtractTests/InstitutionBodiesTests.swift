import Foundation
import Testing
import DocGraphModel
@testable import DocGraphExtract

/// An enterprise's, a school's or a hospital's party committee is its own, not the place's (the rules
/// alone, invented names).
struct InstitutionBodiesTests {
    let checks = NationalBodiesTests()

    @Test func anInstitutionsPartyCommitteeIsPartOfIt() throws {
        let g = try checks.read("，青梅建设集团党委书记唐晓梅、杭州市第三人民医院党委副书记郑国栋出席。", title: "杭州市召开国企党建会议")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "青梅建设集团党委"))
        #expect(checks.has(g, "青梅建设集团党委", "partOf", "青梅建设集团"))
        #expect(checks.has(g, "郑国栋", "holdsPosition", "杭州市第三人民医院党委"))
        #expect(!checks.has(g, "唐晓梅", "holdsPosition", "杭州市委"))
    }

    @Test func aNameReadBackStopsAtAVerb() throws {
        let g = try checks.read("会议由市委召开青梅大学党委扩大会议。", title: "杭州市教育新闻")
        let orgs = checks.organizations(g)
        #expect(orgs.contains("青梅大学党委"))
        #expect(!orgs.contains { $0.hasPrefix("召开") })
    }

    @Test func aBodysOwnPostIsNoInstitution() throws {
        let g = try checks.read("，厅长唐晓梅主持召开厅党组会议。", title: "浙江省民政厅召开会议")
        #expect(!checks.organizations(g).contains { $0.contains("唐晓梅") })
    }
}
