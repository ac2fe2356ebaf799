/// A feature's number: the 64-bit FNV-1a hash of its name's UTF-8 bytes
/// (`before=制定`). A model file keeps names, readable and stable; the
/// extractor computes the same numbers from the parts of a name without
/// building it as a string, which keeps the learned stages off the
/// allocator on the hot path.
public struct FeatureHasher: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// The hash of `name`, as if every part had been fed to one hasher.
    public init(_ name: String) {
        combine(name)
    }

    @inline(__always)
    public mutating func combine(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    public mutating func combine(_ s: String) {
        for b in s.utf8 { combine(byte: b) }
    }

    /// Feeds the scalar's UTF-8 bytes, so a name hashed scalar by scalar gets the number its string gets.
    @inline(__always)
    public mutating func combine(_ u: Unicode.Scalar) {
        let v = u.value
        switch v {
        case 0..<0x80:
            combine(byte: UInt8(v))
        case 0x80..<0x800:
            combine(byte: UInt8(0xC0 | v >> 6)); combine(byte: UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            combine(byte: UInt8(0xE0 | v >> 12)); combine(byte: UInt8(0x80 | v >> 6 & 0x3F)); combine(byte: UInt8(0x80 | v & 0x3F))
        default:
            combine(byte: UInt8(0xF0 | v >> 18)); combine(byte: UInt8(0x80 | v >> 12 & 0x3F))
            combine(byte: UInt8(0x80 | v >> 6 & 0x3F)); combine(byte: UInt8(0x80 | v & 0x3F))
        }
    }

    public mutating func combine<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        for u in scalars { combine(u) }
    }
}
