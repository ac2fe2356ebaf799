extension String {
    /// The text of a run of scalars, encoded to UTF-8 in one pass into a
    /// buffer of the right size (appending to a `UnicodeScalarView` one
    /// scalar at a time was a visible share of extraction time).
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var length = 0
        for u in scalars { length += UTF8.width(u) }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var k = 0
            for u in scalars {
                let v = u.value
                switch v {
                case 0..<0x80:
                    buffer[k] = UInt8(v); k += 1
                case 0x80..<0x800:
                    buffer[k] = UInt8(0xC0 | v >> 6); buffer[k + 1] = UInt8(0x80 | v & 0x3F); k += 2
                case 0x800..<0x10000:
                    buffer[k] = UInt8(0xE0 | v >> 12); buffer[k + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                    buffer[k + 2] = UInt8(0x80 | v & 0x3F); k += 3
                default:
                    buffer[k] = UInt8(0xF0 | v >> 18); buffer[k + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    buffer[k + 2] = UInt8(0x80 | v >> 6 & 0x3F); buffer[k + 3] = UInt8(0x80 | v & 0x3F); k += 4
                }
            }
            return k
        }
    }
}
