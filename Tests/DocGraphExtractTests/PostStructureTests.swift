import Foundation
import Testing
import DocGraphModel
@testable import DocGraphExtract

/// How a post's body is told from the text's structure: bodies listed before a post, posts listed before
/// a name, a department named without a place, an appointment's verb (the rules alone, invented names).
struct PostStructureTests {
    let checks = NationalBodiesTests()

    @Test func aPostAfterAListOfBodiesIsInEachOfThem() throws {
        let g = try checks.read("市脱贫攻坚领导小组办公室、市扶贫开发办公室主任唐晓梅出席。", title: "杭州市召开消费扶贫会议")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "杭州市脱贫攻坚领导小组办公室"))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "杭州市扶贫开发办公室"))
    }

    @Test func aDepartmentNamedWithoutAPlaceInAListOfPostsIsTheDocumentsPlaces() throws {
        let g = try checks.read("县政府副县长、公安局党委书记、局长唐晓梅出席。环保局、水务局负责同志参加。", title: "桐庐县召开公安工作会议")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "桐庐县人民政府"))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "桐庐县公安局"))
        #expect(checks.organizations(g).isSuperset(of: ["桐庐县环境保护局", "桐庐县水务局"]))
    }

    @Test func aPartyDepartmentsHeadListedAfterAPostStaysWithItsBody() throws {
        let g = try checks.read("县委常委、宣传部长唐晓梅出席。", title: "桐庐县召开宣传工作会议")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "桐庐县委"))
    }

    @Test func anAppointmentsVerbAndAnHonorificStandBetweenNameAndPost() throws {
        let g = try checks.read("唐晓梅同志当选为县残联主席团主席；郑国栋、韩立新等同志当选为县残联主席团副主席。",
                                title: "桐庐县残疾人联合会召开代表大会")
        for name in ["唐晓梅", "郑国栋", "韩立新"] { #expect(checks.has(g, name, "holdsPosition", "桐庐县残联主席团"), "\(name)") }
    }

    @Test func anOrdinalCongressIsABodyOfItsOwn() throws {
        let g = try checks.read("大会执行主席唐晓梅、郑国栋主持会议。", title: "中国共产党杭州市第十三次代表大会胜利闭幕")
        let congress = "中国共产党杭州市第十三次代表大会"
        #expect(checks.organizations(g).contains(congress))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", congress))
    }

    @Test func aBylineNamesTheAuthor() throws {
        let g = try checks.read("作者:桐庐团县委\n共青团桐庐县第十次代表大会在县城召开，在县委的坚强领导下推进工作。",
                                title: "共青团桐庐县第十次代表大会开幕")
        #expect(checks.has(g, "桐庐县委", "leads", "桐庐县团委"))
    }

    @Test func aConjunctionRightAfterABodyIsNoPlacesFirstCharacter() throws {
        // 和县 is a county; in 县委和县司法局 the 和 joins two bodies of the document's county.
        let g = try checks.read("县委和县司法局联合开展普法活动。", title: "桐庐县召开普法工作会议")
        let orgs = checks.organizations(g)
        #expect(orgs.contains("桐庐县司法局"))
        #expect(!orgs.contains { $0.hasPrefix("和县") })
    }

    @Test func aPartyPostAfterABodysPostIsInItsPartyGroup() throws {
        let g = try checks.read("县政协党组书记、主席唐晓梅，副主席郑国栋，党组副书记韩立新，副主席刘一平出席。", title: "桐庐县政协召开会议")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "桐庐县政协党组"))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "桐庐县政协"))
        #expect(checks.has(g, "郑国栋", "holdsPosition", "桐庐县政协"))
        #expect(checks.has(g, "韩立新", "holdsPosition", "桐庐县政协党组"))
        #expect(checks.has(g, "刘一平", "holdsPosition", "桐庐县政协"))
    }

    @Test func committeesListedAfterOneNamedWithItsBodyAreItsToo() throws {
        let g = try checks.read("省人大法制委员会、财政经济委员会、社会建设委员会委员出席。", title: "浙江省人大常委会召开会议")
        let orgs = checks.organizations(g)
        #expect(orgs.isSuperset(of: ["浙江省人民代表大会法制委员会", "浙江省人民代表大会财政经济委员会", "浙江省人民代表大会社会建设委员会"]))
        #expect(checks.has(g, "浙江省人民代表大会社会建设委员会", "partOf", "浙江省人民代表大会"))
    }

    @Test func aRostersLinesGiveEachNameThePostWrittenAfterIt() throws {
        let g = try checks.read("成立县防汛工作领导小组:\n组长:唐晓梅 县委常委、县人民政府副县长\n成员:郑国栋 县财政局局长\n韩 立 县水利局局长\n"
                                + "吴和平 县供销社主任",
                                title: "桐庐县人民政府办公室关于做好防汛工作的通知")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "桐庐县委"))
        // A name the line bounds may hold a stop that names also end with (和).
        #expect(checks.has(g, "吴和平", "holdsPosition", "桐庐县供销社"))
        #expect(checks.has(g, "郑国栋", "holdsPosition", "桐庐县财政局"))
        #expect(checks.has(g, "韩立", "holdsPosition", "桐庐县水利局"))
        // …and a post in the group the roster staffs, under its line's label (a line with none keeps the last).
        let group = "桐庐县防汛工作领导小组"
        let roles = Dictionary(uniqueKeysWithValues: g.relations.values.filter { g.entities[$0.object]?.label == group }
            .compactMap { r in g.entities[r.subject].map { ($0.label, r.role ?? "") } })
        #expect(roles == ["唐晓梅": "组长", "郑国栋": "成员", "韩立": "成员", "吴和平": "成员"])
    }

    @Test func aPostListedAfterANamesFirstPostIsTheSamePersons() throws {
        let g = try checks.read("成立县防汛工作领导小组:\n成员:唐晓梅 县委常委、县人民政府副县长\n郑国栋 县财政局局长、县水利局局长",
                                title: "桐庐县人民政府办公室关于做好防汛工作的通知")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "桐庐县委"))
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "桐庐县人民政府"))
        #expect(checks.has(g, "郑国栋", "holdsPosition", "桐庐县水利局"))
    }

    @Test func aConjunctionAfterATwoCharacterNameIsNotPartOfIt() throws {
        let g = try checks.read("县水利局原副局长韩立则存在违规使用公务用车问题。", title: "桐庐县纪委通报典型问题")
        let people = Set(g.entities.values.filter { $0.type == DG.term("Person") }.map(\.label))
        #expect(people == ["韩立"])
        // 原 ("former") between the body and the title: still that body's post, not the author's.
        #expect(checks.has(g, "韩立", "holdsPosition", "桐庐县水利局"))
        #expect(!checks.has(g, "韩立", "holdsPosition", "桐庐县纪委"))
    }

    @Test func cornerBracketsQuoteAsQuotationMarksDo() {
        let normalizer = TextNormalizer(traditionalToSimplified: [:])
        #expect(String(String.UnicodeScalarView(normalizer.normalize(Array("推行「河長制」和『林長制』".unicodeScalars))))
                == "推行\u{201C}河長制\u{201D}和\u{2018}林長制\u{2019}")
    }

    @Test func aPostTitleIsNoAliasOfTheBodyItImplies() throws {
        let g = try checks.read("市长唐晓梅主持会议，副县长郑国栋出席。", title: "桐庐县人民政府召开常务会议")
        #expect(checks.has(g, "唐晓梅", "holdsPosition", "杭州市人民政府"))
        for body in g.entities.values where body.type == DG.term("Organization") {
            #expect(body.aliases.isDisjoint(with: ["市长", "副县长"]), "\(body.label): \(body.aliases)")
        }
    }
}
