import DocGraphQuery
import Foundation
import Synchronization

/// The graph `docgraph serve` answers from, loaded once and replaced whole
/// on a reload.
///
/// A request takes the current ``GraphSnapshot`` when it starts and keeps
/// it to the end, so a reload never changes the data under a running
/// query: the old graph answers until the new one is fully loaded, then
/// new requests get the new one and the old is freed when its last query
/// ends. A reload that fails leaves the old graph in place.
public final class ServedGraph: Sendable {
    /// Reads the files into a store; called once at start and again on each reload.
    public typealias Loader = @Sendable () throws -> TripleStore

    private let load: Loader
    private let current: Mutex<GraphSnapshot>
    /// Set while a reload runs: a second request to reload meanwhile is dropped, not queued.
    private let reloading = Atomic<Bool>(false)

    /// Loads the graph for the first time; its errors are the caller's to report.
    public init(load: @escaping Loader) throws {
        self.load = load
        current = Mutex(GraphSnapshot(store: try load(), generation: 1))
    }

    /// The graph to answer one request from.
    public var snapshot: GraphSnapshot { current.withLock { $0 } }

    /// What a reload did.
    public enum ReloadOutcome: Sendable {
        case reloaded(GraphSnapshot)
        case failed(any Error)
        case alreadyReloading
    }

    /// Reads the files again on a thread of its own and, if that succeeds, serves the new graph.
    public func reload() async -> ReloadOutcome {
        guard reloading.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            return .alreadyReloading
        }
        defer { reloading.store(false, ordering: .releasing) }
        let load = self.load
        let loaded: Result<TripleStore, any Error> = await withCheckedContinuation { done in
            Thread { done.resume(returning: Result(catching: load)) }.start()
        }
        switch loaded {
        case .success(let store):
            let next = current.withLock { snapshot in
                snapshot = GraphSnapshot(store: store, generation: snapshot.generation + 1)
                return snapshot
            }
            return .reloaded(next)
        case .failure(let error):
            return .failed(error)
        }
    }
}

/// One loading of the graph, as the requests that started under it see it.
public struct GraphSnapshot: Sendable {
    public let store: TripleStore
    /// 1 for the first loading, one more for each successful reload.
    public let generation: Int
}
