import DocGraphModel
import Testing
@testable import DocGraphQuery

/// What a picture shows: the focus and its neighbourhood, the filters, and the cap.
struct DrawingSelectionTests {
    let q = GraphQueryTests().q

    func labels(_ s: DrawingSelection) -> [String] { s.nodes.map(\.label) }

    @Test func everythingIsDrawnWhenItFitsAndDocumentsAreNot() throws {
        let s = try DrawingSelection(q, .init())
        #expect(labels(s) == ["《杭州市河道管理条例》", "杭州市人大常委会", "杭州市委", "王明"].sorted())
        #expect(s.edges.count == 3)
        #expect(s.leftOut == 0)
    }

    @Test func aFocusDrawsItsNeighbourhoodToTheDepthAsked() throws {
        let one = try DrawingSelection(q, .init(focus: "市委", depth: 1))
        #expect(Set(labels(one)) == ["杭州市委", "杭州市人大常委会", "王明"])
        #expect(one.focus.count == 1)
        let two = try DrawingSelection(q, .init(focus: "王明", depth: 2))
        #expect(Set(labels(two)) == ["王明", "杭州市委", "杭州市人大常委会"])
        let zero = try DrawingSelection(q, .init(focus: "王明", depth: 0))
        #expect(labels(zero) == ["王明"] && zero.edges.isEmpty)
    }

    @Test func aFocusThatNamesNothingSuggestsNames() {
        #expect(throws: GraphQuery.NoMatch.self) { try DrawingSelection(q, .init(focus: "杭州人大常委会")) }
    }

    @Test func classesPredicatesAndConfidenceFilter() throws {
        let orgs = try DrawingSelection(q, .init(types: ["organization"]))
        #expect(Set(labels(orgs)) == ["杭州市人大常委会", "杭州市委"])
        #expect(orgs.edges.map(\.relation) == ["leads"])
        let enacted = try DrawingSelection(q, .init(predicates: ["enacted"]))
        #expect(enacted.edges.map(\.relation) == ["enacted"])
        let sure = try DrawingSelection(q, .init(minimumConfidence: 0.86))
        #expect(!sure.edges.contains { $0.relation == "holdsPosition" })
    }

    @Test func theCapKeepsTheFocusThenTheBestConnectedAndSaysWhatItLeftOut() throws {
        let capped = try DrawingSelection(q, .init(maximumNodes: 2))
        // 杭州市人大常委会 and 杭州市委 have two relations each; the others one.
        #expect(Set(labels(capped)) == ["杭州市人大常委会", "杭州市委"])
        #expect(capped.candidates == 4 && capped.leftOut == 2)
        let focused = try DrawingSelection(q, .init(focus: "王明", depth: 2, maximumNodes: 1))
        #expect(labels(focused) == ["王明"])
    }
}
