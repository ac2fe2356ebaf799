internal import CDocGraphZlib

/// The entries of a ZIP archive held in memory, read with every offset and
/// size checked against the bytes there are, and inflated by zlib under a
/// size limit.
///
/// Written here rather than taken from ZIPFoundation: fuzzing found that a
/// crafted archive makes ZIPFoundation trap (an in-memory archive seeking
/// past its end) or loop for ever (a deflate stream that never ends before
/// the file does). Word documents need only this much: stored and deflated
/// entries, no ZIP64, no encryption.
struct ZIPArchive {
    struct Entry {
        let name: String
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let dataOffset: Int
    }

    struct Failure: Error {
        let message: String
    }

    let bytes: [UInt8]
    private(set) var entries: [Entry] = []

    /// Reads the central directory; `maximumEntries` bounds how many there may be.
    init(_ bytes: [UInt8], maximumEntries: Int) throws(Failure) {
        self.bytes = bytes
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        // The end-of-central-directory record: within the last 65,557 bytes (its comment is at most 65,535).
        guard bytes.count >= 22 else { throw Failure(message: "not a ZIP archive") }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest && u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest else { throw Failure(message: "not a ZIP archive") }
        let count = u16(end + 10), size = u32(end + 12), offset = u32(end + 16)
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            throw Failure(message: "a ZIP64 archive (a Word document never needs one)")
        }
        if count > maximumEntries { throw Failure(message: "more than \(maximumEntries) entries in the archive") }
        guard offset + size <= end else { throw Failure(message: "the central directory lies outside the archive") }
        var at = offset
        for _ in 0..<count {
            guard at + 46 <= end, u32(at) == 0x0201_4B50 else { throw Failure(message: "a damaged central directory") }
            let nameLength = u16(at + 28), extraLength = u16(at + 30), commentLength = u16(at + 32)
            let local = u32(at + 42)
            guard at + 46 + nameLength <= end else { throw Failure(message: "a damaged central directory") }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            // The local header gives where the data starts; its own lengths may differ from the central ones.
            guard local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else {
                throw Failure(message: "\(name): its local header lies outside the archive")
            }
            let dataOffset = local + 30 + u16(local + 26) + u16(local + 28)
            let entry = Entry(name: name, method: UInt16(u16(at + 10)), crc: UInt32(u32(at + 16)),
                              compressedSize: u32(at + 20), uncompressedSize: u32(at + 24), dataOffset: dataOffset)
            guard dataOffset + entry.compressedSize <= bytes.count else {
                throw Failure(message: "\(name): its data runs past the end of the archive")
            }
            entries.append(entry)
            at += 46 + nameLength + extraLength + commentLength
        }
    }

    func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }

    /// An entry's bytes, refused past `limit` — first by its declared size, then by what
    /// actually comes out — and checked against its CRC-32.
    func contents(of e: Entry, limit: Int) throws(Failure) -> [UInt8] {
        guard e.uncompressedSize <= limit else {
            throw Failure(message: "\(e.name) inflates to \(e.uncompressedSize) bytes, more than the limit of \(limit)")
        }
        let data = bytes[e.dataOffset..<(e.dataOffset + e.compressedSize)]
        var out: [UInt8]
        switch e.method {
        case 0:
            out = Array(data)
        case 8:
            out = try inflate(data, name: e.name, limit: limit)
        default:
            throw Failure(message: "\(e.name) uses compression method \(e.method), which Word documents do not")
        }
        let crc = out.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        guard crc == e.crc else { throw Failure(message: "\(e.name) is corrupt (its checksum does not match)") }
        return out
    }

    /// Raw deflate (no zlib header), the input bounded by the entry's data: a stream that
    /// has not ended when its data has is corrupt, and output past `limit` is refused.
    private func inflate(_ data: ArraySlice<UInt8>, name: String, limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(message: "\(name): cannot start inflating")
        }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var input = Array(data)
        return try input.withUnsafeMutableBufferPointer { (source) throws(Failure) -> [UInt8] in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let (status, produced) = buffer.withUnsafeMutableBufferPointer { b -> (Int32, Int) in
                    stream.next_out = b.baseAddress
                    stream.avail_out = uInt(b.count)
                    let status = CDocGraphZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, b.count - Int(stream.avail_out))
                }
                if out.count + produced > limit { throw Failure(message: "\(name) inflates beyond the limit of \(limit) bytes") }
                out.append(contentsOf: buffer[0..<produced])
                switch status {
                case Z_STREAM_END: return out
                case Z_OK: continue
                case Z_BUF_ERROR where produced > 0: continue
                default: throw Failure(message: "\(name) is corrupt (its compressed data is damaged or cut short)")
                }
            }
        }
    }
}
