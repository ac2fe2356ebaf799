import Foundation
import Testing
import DocGraphModel
@testable import DocGraphExtract

/// Names read whole (dotted, in traditional script, in lists after a post) and words that are no
/// names, with invented names; the tagger's cases need Models/docgraph and are skipped without it.
struct PersonNamesTests {
    let checks = NationalBodiesTests()
    let fusion = TaggerFusionTests()

    func people(_ g: KnowledgeGraph) -> Set<String> {
        Set(g.entities.values.filter { $0.type == DG.term("Person") }.map(\.label))
    }

    @Test(arguments: ["·", "•", "‧", "・"])
    func aNameWithAMiddleDotIsReadWhole(dot: String) throws {
        let g = try checks.read("副主任阿依古丽\(dot)吐尔逊出席会议。")
        #expect(people(g) == ["阿依古丽\(dot)吐尔逊"])
        #expect(checks.has(g, "阿依古丽\(dot)吐尔逊", "holdsPosition", "杭州市人大常委会"))
    }

    @Test(.enabled(if: TaggerModelFixture.shouldRun, TaggerModelFixture.skipped))
    func aDottedNameTheTaggerFindsAloneIsReadWhole() throws {
        let r = try fusion.reading("会上，买买提•艾力和唐晓梅先后发言。")
        #expect(!fusion.people(r).contains("买买提"))
        #expect(!fusion.people(r).contains("艾力"))
    }

    @Test func aPostGivesEveryNameListedAfterItEvenWithUnknownSurnames() throws {
        let g = try checks.read("副委员长唐晓梅、苻彩云、郑国栋出席会议。")
        for name in ["唐晓梅", "苻彩云", "郑国栋"] { #expect(checks.has(g, name, "holdsPosition", "杭州市人大常委会"), "\(name)") }
    }

    @Test func aSecondPostAfterANameIsNoName() throws {
        let g = try checks.read("市委书记唐晓梅、党委副书记、市长郑国栋出席。")
        #expect(people(g) == ["唐晓梅", "郑国栋"])
    }

    @Test func aWordBeforeAPostThatEndsLikeABodyIsNoName() throws {
        let g = try checks.read("文物局局长会议和权益部部长会议召开，管理组组长出席。")
        #expect(people(g).isEmpty)
    }

    @Test func aFunctionWordEndsANameWhereASeparatorFollows() throws {
        let g = try checks.read("副主任唐晓梅、郑国和、韩立新出席会议。")
        #expect(people(g).contains("郑国和"))
    }

    @Test(.enabled(if: TaggerModelFixture.shouldRun, TaggerModelFixture.skipped))
    func wordsTheTaggerMistakesForPeopleAreNone() throws {
        let r = try fusion.reading("全体委员应出席会议。会议要求做好文史资料工作，并展示成果。机关、医院、学校、商超等单位参加。依据鲁发〔2019〕2号文件执行。正蓝旗召开会议。")
        #expect(fusion.people(r).isEmpty)
    }

    @Test func aTitleWithABodyRightAfterItIsAVerb() throws {
        let g = try checks.read("唐晓梅代表市委、市政府向大会表示祝贺。")
        #expect(!checks.has(g, "唐晓梅", "holdsPosition", "杭州市人大常委会"))
    }

    @Test func theRulesAloneReadNoWordAfterAPostAsAListsFirstName() throws {
        let g = try checks.read("免去王一明的市民政局局长职务、李二强的市交通局局长职务。")
        #expect(!people(g).contains("职务"))
    }

    @Test func theRulesAloneReadNoVerbOrNounAroundAPostAsAName() throws {
        // 应出席 (a verb after 委员), 展示 (before 委员 used as a noun), 文史 (before 委员会, no post at all).
        let g = try checks.read("全体委员应出席会议，展示委员风采，文史委员会主任唐晓梅讲话。李强市长指出要抓落实。",
                                title: "杭州市政协召开会议")
        #expect(people(g) == ["唐晓梅", "李强"])
    }

    @Test(.enabled(if: TaggerModelFixture.shouldRun, TaggerModelFixture.skipped))
    func namesInTraditionalScriptAreReadWholeInAList() throws {
        let r = try fusion.reading("議員唐曉梅、鄭國棟、韓立新聯合發表聲明。副主席歐陽曉峰、司馬國華出席。",
                                   title: "澳門特別行政區立法會會議")
        for name in ["唐曉梅", "鄭國棟", "韓立新", "歐陽曉峰", "司馬國華"] { #expect(fusion.people(r).contains(name), "\(name)") }
    }
}
