import Foundation
import Testing
import DocGraphModel
@testable import DocGraphExtract

/// Bodies of Hong Kong, Macao and Taiwan, in traditional script (the rules alone, invented names).
struct RegionalBodiesTests {
    let checks = NationalBodiesTests()

    @Test func hongKongsSecretariesAndBureaux() throws {
        let g = try checks.read("政務司司長唐曉梅、律政司司長鄭國棟及保安局局長韓立新出席。", title: "香港特別行政區政府新聞公報")
        let orgs = checks.organizations(g)
        #expect(orgs.isSuperset(of: ["政務司", "律政司", "保安局"]))
        #expect(checks.has(g, "唐曉梅", "holdsPosition", "政務司"))
        #expect(checks.has(g, "韓立新", "holdsPosition", "保安局"))
    }

    @Test func macaosSecretariats() throws {
        let g = try checks.read("行政法務司司長唐曉梅出席。", title: "澳門特別行政區立法會全體會議")
        #expect(checks.has(g, "唐曉梅", "holdsPosition", "行政法務司"))
    }

    @Test func taiwansYuanMinistriesAndCountyGovernments() throws {
        let g = try checks.read("行政院院長唐曉梅、內政部部長鄭國棟與新竹縣政府縣長韓立新出席。", title: "台北市政府新聞稿")
        let orgs = checks.organizations(g)
        #expect(orgs.isSuperset(of: ["行政院", "內政部", "新竹縣政府"]))
        #expect(checks.has(g, "韓立新", "holdsPosition", "新竹縣政府"))
    }

    @Test func aRegionsBodyIsNotReadElsewhere() throws {
        let g = try checks.read("保安局、教育局和行政院等词语不指本市机构。")
        #expect(checks.organizations(g).isDisjoint(with: ["保安局", "教育局", "行政院"]))
    }

    @Test func aLiaisonOfficeKeptInTheRegionIsOneBody() throws {
        let g = try checks.read("中央人民政府駐香港特別行政區聯絡辦公室副主任唐曉梅出席。", title: "香港特別行政區政府新聞公報")
        let office = "中央人民政府駐香港特別行政區聯絡辦公室"
        #expect(checks.organizations(g).contains(office))
        #expect(checks.has(g, office, "partOf", "中央人民政府"))
        #expect(!checks.organizations(g).contains("香港特別行政區聯絡辦公室"))
    }
}
