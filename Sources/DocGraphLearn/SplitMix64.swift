/// A small seeded random number generator (SplitMix64): training shuffles its
/// examples with it, so the same corpus gives the same model on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The indices 0..<count in an order of this generator's (Fisher–Yates, with a bound of its own
    /// so no library's `shuffle` algorithm decides the order).
    public mutating func permutation(_ count: Int) -> [Int] {
        var a = Array(0..<count)
        guard count > 1 else { return a }
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            a.swapAt(i, j)
        }
        return a
    }
}
