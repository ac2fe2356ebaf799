import DocGraphQuery
import Foundation
import Synchronization

/// Runs queries where they cannot stall the server: each on a thread of its
/// own (a query is synchronous work that may take seconds, and Swift's
/// cooperative threads, one per core, also carry every connection), at most
/// ``ServerLimits/maximumConcurrentQueries`` at once, and each stopped at
/// its deadline through a ``QueryCancellation`` the evaluator checks.
///
/// A query beyond the bound gets a 503 at once: a client told to retry can
/// back off, one left waiting in an unseen queue only times out.
final class QueryRunner: Sendable {
    let limits: ServerLimits
    private let running = Atomic<Int>(0)
    /// The flags of the queries running now, so a shutdown can stop them all.
    private let active = Mutex<[ObjectIdentifier: QueryCancellation]>([:])
    /// Set by ``close()``.
    private let closed = Atomic<Bool>(false)

    init(limits: ServerLimits) { self.limits = limits }

    /// Runs `work` on a thread of its own and gives what it returns or throws; the flag it is handed is
    /// raised at the deadline, when the request's task is cancelled (the client left) or at shutdown.
    /// A query stopped at its deadline becomes a 503 naming `--timeout`; one that held too many
    /// solutions, a 503 naming `--max-rows`.
    func run<T: Sendable>(_ work: @escaping @Sendable (QueryCancellation) throws -> T) async throws -> T {
        guard running.add(1, ordering: .relaxed).newValue <= limits.maximumConcurrentQueries else {
            running.subtract(1, ordering: .relaxed)
            throw EndpointError(status: 503, "busy: \(limits.maximumConcurrentQueries) queries are running (--max-queries); try again",
                                headers: [("Retry-After", "1")])
        }
        defer { running.subtract(1, ordering: .relaxed) }
        let token = QueryCancellation(maximumSolutions: limits.maximumRows)
        active.withLock { $0[ObjectIdentifier(token)] = token }
        defer { _ = active.withLock { $0.removeValue(forKey: ObjectIdentifier(token)) } }
        // Checked once the flag is listed, so that a close() at any moment reaches this query.
        if closed.load(ordering: .relaxed) { throw EndpointError(status: 503, "the server is shutting down") }
        let start = ContinuousClock.now
        // The deadline is a Dispatch timer, not a sleeping task: it fires even when every cooperative
        // thread is busy, which a query's own deadline must not depend on.
        let deadline = DispatchWorkItem { token.cancel() }
        let (seconds, attoseconds) = limits.timeout.components
        DispatchQueue.global().asyncAfter(
            deadline: .now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)), execute: deadline)
        defer { deadline.cancel() }
        let outcome: Result<T, any Error> = await withTaskCancellationHandler {
            await withCheckedContinuation { (done: CheckedContinuation<Result<T, any Error>, Never>) in
                let thread = Thread {
                    done.resume(returning: Result(catching: { try work(token) }))
                }
                // Deep patterns recurse: give the evaluator room beyond the default stack.
                thread.stackSize = 64 << 20
                thread.start()
            }
        } onCancel: {
            token.cancel()
        }
        switch outcome {
        case .success(let value):
            return value
        case .failure(let stopped as QueryCancellation.Stopped):
            if stopped.reason == .tooManySolutions {
                throw EndpointError(status: 503, "the query was stopped: one of its steps held more than \(limits.maximumRows) solutions (--max-rows)")
            }
            let elapsed = ContinuousClock.now - start
            throw EndpointError(status: 503, elapsed >= limits.timeout
                ? "the query was stopped after \(Self.seconds(limits.timeout)) (--timeout)"
                : "the query was stopped: the server is shutting down or the client left")
        case .failure(let error):
            throw error
        }
    }

    /// Raises the flag of every running query and refuses new ones: the server is stopping.
    func close() {
        closed.store(true, ordering: .relaxed)
        for token in active.withLock({ Array($0.values) }) { token.cancel() }
    }

    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return s == s.rounded() ? "\(Int(s)) s" : String(format: "%.3g s", s)
    }
}
