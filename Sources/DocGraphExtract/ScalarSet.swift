/// A set of Unicode scalars as a bitmap: membership is one array read, no
/// hashing, which matters when every position of a text is tested.
struct ScalarSet: Sendable {
    private var bits: [UInt64]
    /// Scalars above this (rare in these texts) are kept in a plain set.
    private static let limit: UInt32 = 0x30000
    private var others: Set<Unicode.Scalar> = []

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        bits = [UInt64](repeating: 0, count: Int(Self.limit / 64))
        for u in scalars { insert(u) }
    }

    mutating func insert(_ u: Unicode.Scalar) {
        if u.value < Self.limit {
            bits[Int(u.value >> 6)] |= 1 << (u.value & 63)
        } else {
            others.insert(u)
        }
    }

    @inline(__always)
    func contains(_ u: Unicode.Scalar) -> Bool {
        u.value < Self.limit ? bits[Int(u.value >> 6)] & (1 << (u.value & 63)) != 0 : others.contains(u)
    }
}
