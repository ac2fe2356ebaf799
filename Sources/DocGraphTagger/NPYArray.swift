/// A little-endian float32 array in NumPy's `.npy` format (version 1 or 2,
/// C order), as `numpy.save` writes it.
struct NPYArray {
    var shape: [Int]
    var values: [Float]

    enum Failure: Error { case notNPY, unsupported(String) }

    init(bytes: UnsafeRawBufferPointer) throws(Failure) {
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // "\x93NUMPY"
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw .notNPY }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw .notNPY }
            headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
            headerStart = 12
        default: throw .unsupported("version \(major)")
        }
        guard headerStart + headerLength <= bytes.count else { throw .notNPY }
        let header = String(decoding: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        guard header.contains("'descr': '<f4'") else { throw .unsupported("dtype (want '<f4')") }
        guard header.contains("'fortran_order': False") else { throw .unsupported("Fortran order") }
        guard let open = header.firstRange(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")")
        else { throw .unsupported("shape") }
        shape = header[open.upperBound..<close].split(separator: ",").compactMap { Int($0.filter { !$0.isWhitespace }) }
        let count = shape.reduce(1, *)
        let dataStart = headerStart + headerLength
        guard bytes.count - dataStart == count * 4 else { throw .notNPY }
        values = (0..<count).map {
            Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: dataStart + $0 * 4, as: UInt32.self)))
        }
    }
}
