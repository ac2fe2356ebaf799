import Foundation
import Testing
import DocGraphModel
@testable import DocGraphExtract

/// A body named only by its kind (市委 where the document never names its city) is that
/// document's own entity: two such documents read together keep two bodies, each with its own
/// secretary, while a body whose place is known is one entity across documents. The documents and
/// people are made up.
struct PlacelessNamesTests {
    static let organization = DG.term("Organization")

    /// The documents read into one graph, as a collection is.
    func readTogether(_ documents: [(id: String, text: String)]) throws -> KnowledgeGraph {
        let extractor = Extractor(rules: try ExtractorTests.rules.get())
        var graph = KnowledgeGraph()
        for d in documents { extractor.extract(TextDocument(id: d.id, text: d.text, checksum: d.id), into: &graph) }
        return graph
    }

    func bodies(_ label: String, in g: KnowledgeGraph) -> [Entity] {
        g.entities.values.filter { $0.type == Self.organization && $0.label == label }.sorted { $0.node < $1.node }
    }

    /// Who holds a post in `body`.
    func holders(of body: Entity, in g: KnowledgeGraph) -> Set<String> {
        Set(g.relations.values.filter { $0.object == body.node && $0.predicate == DG.term("holdsPosition") }
            .compactMap { g.entities[$0.subject]?.label })
    }

    @Test func aBareCityCommitteeInTwoDocumentsIsTwoBodies() throws {
        let g = try readTogether([
            ("报道一", "全会召开\n市委书记王明出席会议并讲话，市委副书记赵平主持会议。\n"),
            ("报道二", "调研工作\n市委书记李强到企业调研。\n"),
        ])
        let committees = bodies("市委", in: g)
        #expect(committees.count == 2)
        #expect(committees.map(\.documents) == [["报道一"], ["报道二"]])
        #expect(committees.map { holders(of: $0, in: g) } == [["王明", "赵平"], ["李强"]])
        #expect(committees.map(\.node.string) == [
            "https://w3id.org/docgraph/id/organization/市委/in/报道一", "https://w3id.org/docgraph/id/organization/市委/in/报道二",
        ])
    }

    @Test func aBodyWhosePlaceIsKnownIsOneAcrossDocuments() throws {
        let g = try readTogether([
            ("报道一", "桐庐县人大常委会工作报告\n县委书记王明出席会议。\n"),
            ("报道二", "桐庐县政协工作报告\n县委书记王明到企业调研。\n"),
        ])
        let committee = bodies("桐庐县委", in: g)
        #expect(committee.count == 1)
        #expect(committee.first?.documents == ["报道一", "报道二"])
        #expect(bodies("县委", in: g).isEmpty)
    }

    @Test(arguments: ["市委", "区政协", "大会", "专委会", "中共县委", "市公安局", "市纪委监委", "县人民法院", "党委"])
    func namesOfAKindOfBodyArePlaceless(_ name: String) throws {
        #expect(PlacelessBodyNames(rules: try ExtractorTests.rules.get()).contains(name))
    }

    @Test(arguments: ["杭州市委", "桐庐县政协", "全国人大常委会", "中共中央", "人民政协", "国务院", "市委书记"])
    func namesThatSayWhoseBodyItIsAreNot(_ name: String) throws {
        #expect(!PlacelessBodyNames(rules: try ExtractorTests.rules.get()).contains(name))
    }
}
