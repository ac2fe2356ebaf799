/// A map from a number and a scalar (a trie node and the next character, or
/// just a character) to a small number, in one open-addressing table with a
/// multiplicative hash: the lexicons are asked about nearly every position of
/// every text, and the standard dictionary's seeded hash cost more than the
/// rest of a lookup.
struct ScalarTable: Sendable {
    /// 0 marks an empty slot; a stored key is never 0 (see `key(_:_:)`).
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 16)
        values = [Int32](repeating: 0, count: 16)
        mask = 15
    }

    @inline(__always)
    private static func key(_ n: Int, _ u: Unicode.Scalar) -> UInt64 { UInt64(n + 1) << 32 | UInt64(u.value) }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask }

    /// The value stored for `(n, u)`, if any.
    @inline(__always)
    subscript(_ n: Int, _ u: Unicode.Scalar) -> Int32? {
        let k = Self.key(n, u)
        var i = slot(k)
        while true {
            let stored = keys[i]
            if stored == k { return values[i] }
            if stored == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for `(n, u)`, replacing any value stored before.
    mutating func set(_ n: Int, _ u: Unicode.Scalar, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.key(n, u)
        var i = slot(k)
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == 0 { count += 1 }
        keys[i] = k
        values[i] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (i, k) in oldKeys.enumerated() where k != 0 {
            var j = slot(k)
            while keys[j] != 0 { j = (j + 1) & mask }
            keys[j] = k
            values[j] = oldValues[i]
        }
    }
}
