import Foundation
import Testing
import DocGraphModel
import DocGraphTagger
@testable import DocGraphExtract

/// The tagger fused with the rules, on sentences written for the test with invented names.
@Suite(.enabled(if: TaggerModelFixture.shouldRun, TaggerModelFixture.skipped))
struct TaggerFusionTests {
    func reading(_ body: String, title: String = "杭州市人大常委会工作报告") throws -> Extractor.Reading {
        let extractor = Extractor(rules: try ExtractorTests.rules.get(), tagger: try TaggerModelFixture.model.get())
        return extractor.read(TextDocument(id: "t", text: title + "\n" + body, checksum: ""))
    }

    func people(_ r: Extractor.Reading) -> Set<String> {
        Set(r.graph.entities.values.filter { $0.type == DG.term("Person") }.map(\.label))
    }

    @Test func theTaggerBoundsANameThatAParticleFollows() throws {
        let r = try reading("会议听取了副主任韩立新所作的报告。")
        #expect(people(r).contains("韩立新"))
        #expect(!people(r).contains("韩立新所"))
        #expect(r.graph.relations.values.contains { $0.predicate == DG.term("holdsPosition") && $0.confidence == 0.9 })
    }

    @Test func peopleNamedWithoutAPostAreFound() throws {
        let r = try reading("会上，唐晓梅、郑国栋先后发言。")
        #expect(people(r).isSuperset(of: ["唐晓梅", "郑国栋"]))
        #expect(r.mentions.filter { $0.kind == .person }.allSatisfy { $0.source == "tagger" && ($0.taggerScore ?? 0) > 0 })
    }

    @Test func aSurnameAndAPostIsNoNewPerson() throws {
        let r = try reading("市委书记韩立新出席会议。韩书记指出要加强监督。")
        #expect(people(r) == ["韩立新"])
    }

    func holds(_ r: Extractor.Reading, _ person: String, _ org: String) -> Bool {
        let g = r.graph
        return g.relations.values.contains { rel in
            rel.predicate == DG.term("holdsPosition") && g.entities[rel.subject]?.label == person && g.entities[rel.object]?.label == org
        }
    }

    @Test func aPostIsSharedByEveryNameListedAfterIt() throws {
        let r = try reading("副主任唐晓梅、郑国栋、韩立新出席会议。")
        for name in ["唐晓梅", "郑国栋", "韩立新"] { #expect(holds(r, name, "杭州市人大常委会"), "\(name)") }
    }

    @Test func aPostListedAfterAnotherSharesItsBody() throws {
        let r = try reading("市政协主席唐晓梅、副主席郑国栋，秘书长韩立新陪同调研。", title: "杭州市召开座谈会")
        for name in ["唐晓梅", "郑国栋", "韩立新"] { #expect(holds(r, name, "杭州市政协"), "\(name)") }
    }

    @Test func appointmentsNameThePersonBeforeTheBody() throws {
        let r = try reading("会议决定任命唐晓梅为市人大常委会副秘书长，郑国栋任市民政局局长。")
        #expect(holds(r, "唐晓梅", "杭州市人大常委会"))
        #expect(holds(r, "郑国栋", "杭州市民政局"))
    }

    @Test func namesCountedBeforeAPostHoldIt() throws {
        let r = try reading("唐晓梅、郑国栋、韩立新等3名政协委员作大会发言。", title: "杭州市政协会议")
        for name in ["唐晓梅", "郑国栋", "韩立新"] { #expect(holds(r, name, "杭州市政协"), "\(name)") }
    }

    @Test func aNameInsideAnotherWordIsNoName() throws {
        let r = try reading("深化主任接待代表日活动。")
        #expect(people(r).isEmpty)
    }

    @Test func aListsStructureKeepsNamesWhoseSurnameIsAlsoAWord() throws {
        // 向 reads as a preposition and 曾 as an adverb; between a post and 、 they begin names.
        let r = try reading("副主任向立新、曾国华、韩立新出席会议。")
        for name in ["向立新", "曾国华", "韩立新"] { #expect(holds(r, name, "杭州市人大常委会"), "\(name)") }
    }

    @Test func everyoneListedBeforeAnAppointmentHoldsThePost() throws {
        let r = try reading("会议选举唐晓梅为市人大常委会主任，郑国栋、韩立新为市人大常委会副主任。")
        for name in ["唐晓梅", "郑国栋", "韩立新"] { #expect(holds(r, name, "杭州市人大常委会"), "\(name)") }
    }
}

/// The rules alone, beside the suite above: it needs no model, so it runs everywhere.
struct RulesWithoutTaggerTests {
    @Test func withoutTheTaggerTheRulesAloneRead() throws {
        let g = Extractor(rules: try ExtractorTests.rules.get())
            .extract(TextDocument(id: "t", text: "杭州市人大常委会工作报告\n会上，唐晓梅、郑国栋先后发言。", checksum: ""))
        #expect(g.entities.values.allSatisfy { $0.type != DG.term("Person") })
    }
}
