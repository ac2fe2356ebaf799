import Synchronization

/// A flag another thread raises to stop a query being evaluated (a
/// server's timeout, a client gone away), and a cap on how many solutions
/// any step of the query may hold, which raises the flag itself.
///
/// The evaluator reads the flag in every loop that may run long (each match
/// of a basic pattern, each step of a path, each row of a join, a filter, a
/// grouping or a sort), so a raised flag stops the work within microseconds
/// instead of letting a runaway query hold a core until it ends; a relaxed
/// atomic load is all a check costs. The cap keeps a query that would build
/// billions of intermediate solutions from taking the memory first.
public final class QueryCancellation: Sendable {
    /// Why a query was stopped.
    public enum Reason: UInt8, Sendable, Equatable {
        /// ``cancel(_:)`` from outside: a deadline passed, a client left.
        case requested = 1
        /// A step of the query held more than ``maximumSolutions`` solutions.
        case tooManySolutions = 2
    }

    private let raised = Atomic<UInt8>(0)
    /// The most solutions one step (a basic pattern, a join, a path, a union) may hold.
    public let maximumSolutions: Int

    public init(maximumSolutions: Int = .max) {
        self.maximumSolutions = maximumSolutions
    }

    /// Asks the evaluation to stop; safe from any thread, any number of times (the first reason stays).
    public func cancel(_ reason: Reason = .requested) {
        _ = raised.compareExchange(expected: 0, desired: reason.rawValue, ordering: .relaxed)
    }

    public var isCancelled: Bool { raised.load(ordering: .relaxed) != 0 }

    /// Why the flag was raised, or nil while it is not.
    public var reason: Reason? { Reason(rawValue: raised.load(ordering: .relaxed)) }

    /// Thrown by ``SPARQLEvaluator/run(_:stoppingWhen:)`` when the flag was
    /// raised: whatever had been found is dropped, never given as an answer.
    public struct Stopped: Error, Sendable, Equatable {
        public var reason: Reason
    }
}
