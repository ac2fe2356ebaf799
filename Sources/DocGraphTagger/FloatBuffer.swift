/// A scratch array of floats, freed with its owner.
final class FloatBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    /// `count` zeros.
    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    /// Room for `count` floats, left untouched (so the system maps pages only
    /// as they are written); read only what has been written.
    init(lazyCount count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
    }

    func zero() { pointer.update(repeating: 0, count: count) }

    deinit { pointer.deallocate() }
}
