import Synchronization

/// A value computed on first use, once, whichever thread asks first; a
/// `Sendable` stand-in for `lazy var`, which a struct shared across
/// threads cannot have.
final class Lazy<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)

    init() {}

    /// The value, made by `make` if no one has asked before.
    func value(_ make: () -> Value) -> Value {
        state.withLock { stored in
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}
