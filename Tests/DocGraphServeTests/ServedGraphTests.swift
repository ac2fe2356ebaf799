import DocGraphModel
import DocGraphQuery
import Synchronization
import Testing
@testable import DocGraphServe

/// Reloading: the new graph replaces the old only once loaded, and a failed load keeps the old.
struct ServedGraphTests {
    struct Unreadable: Error {}

    @Test func aReloadReplacesTheGraphAndAFailedOneKeepsIt() async throws {
        let triple = Triple(.iri(IRI(unchecked: "http://example.org/a")), IRI(unchecked: "http://example.org/p"), .literal(Literal("x")))
        let loads = Atomic<Int>(0)
        let graph = try ServedGraph {
            switch loads.add(1, ordering: .relaxed).newValue {
            case 1: return TripleStore([triple])
            case 2: return TripleStore([])
            default: throw Unreadable()
            }
        }
        #expect(graph.snapshot.store.count == 1)
        let old = graph.snapshot
        guard case .reloaded(let next) = await graph.reload() else { Issue.record("not reloaded"); return }
        #expect(next.store.count == 0)
        #expect(next.generation == 2)
        #expect(old.store.count == 1)   // a request that began before keeps its graph
        guard case .failed = await graph.reload() else { Issue.record("a failing load was accepted"); return }
        #expect(graph.snapshot.generation == 2)
        #expect(graph.snapshot.store.count == 0)
    }
}
