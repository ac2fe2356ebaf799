/// The weight tensors of an ONNX model, read straight from the file.
///
/// Hand-written because no protobuf package for Swift can be installed here
/// (swift-protobuf is not among the packages this project may fetch), and
/// because only a sliver of the format is needed: ModelProto.graph (field 7)
/// → GraphProto.initializer (field 5) → TensorProto's name (8), dims (1),
/// data_type (2) and raw_data (9). Everything else is skipped by wire type.
struct ONNXInitializers {
    /// One float tensor: its shape and values (row-major).
    struct Tensor {
        var dims: [Int]
        var values: [Float]
    }

    /// The float tensors by name; tensors of other types are left out.
    private(set) var tensors: [String: Tensor] = [:]

    /// Reads every float initializer of the model in `bytes`.
    init(bytes: UnsafeRawBufferPointer) throws(ProtobufError) {
        var model = ProtobufReader(bytes)
        while let (field, wire) = try model.nextField() {
            guard field == 7, wire == 2 else { try model.skip(wire); continue }
            var graph = try model.nested()
            while let (gField, gWire) = try graph.nextField() {
                guard gField == 5, gWire == 2 else { try graph.skip(gWire); continue }
                var tensor = try graph.nested()
                if let (name, value) = try Self.floatTensor(&tensor) { tensors[name] = value }
            }
        }
    }

    private static let floatType = 1

    private static func floatTensor(_ r: inout ProtobufReader) throws(ProtobufError) -> (String, Tensor)? {
        var dims: [Int] = []
        var dataType = 0
        var name = ""
        var raw: UnsafeRawBufferPointer?
        while let (field, wire) = try r.nextField() {
            switch (field, wire) {
            case (1, 0): dims.append(Int(truncatingIfNeeded: try r.varint()))
            case (1, 2):
                var packed = try r.nested()
                while !packed.atEnd { dims.append(Int(truncatingIfNeeded: try packed.varint())) }
            case (2, 0): dataType = Int(truncatingIfNeeded: try r.varint())
            case (8, 2): name = String(decoding: try r.bytes(), as: UTF8.self)
            case (9, 2): raw = try r.bytes()
            default: try r.skip(wire)
            }
        }
        guard dataType == floatType, let raw else { return nil }
        let count = dims.reduce(1, *)
        guard dims.allSatisfy({ $0 >= 0 }), raw.count == count * 4 else { throw ProtobufError.badTensor(name) }
        // raw_data is little-endian by the ONNX spec.
        let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count {
                buffer[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)))
            }
            initialized = count
        }
        return (name, Tensor(dims: dims, values: values))
    }
}

/// Why a protobuf message could not be read.
enum ProtobufError: Error, Equatable {
    case truncated
    case badWireType(Int)
    case badTensor(String)
}

/// Protocol-buffer wire format over a byte range: varints, length-delimited
/// fields and fixed-width fields, nothing schema-specific.
struct ProtobufReader {
    private let base: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { base = bytes }

    var atEnd: Bool { offset >= base.count }

    /// The next field's number and wire type, or nil at the end.
    mutating func nextField() throws(ProtobufError) -> (Int, Int)? {
        if atEnd { return nil }
        let key = try varint()
        return (Int(key >> 3), Int(key & 7))
    }

    mutating func varint() throws(ProtobufError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < base.count, shift < 64 else { throw .truncated }
            let byte = base[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// A length-delimited field's bytes.
    mutating func bytes() throws(ProtobufError) -> UnsafeRawBufferPointer {
        let length = try varint()
        guard length <= UInt64(base.count - offset) else { throw .truncated }
        let slice = UnsafeRawBufferPointer(rebasing: base[offset..<(offset + Int(length))])
        offset += Int(length)
        return slice
    }

    /// A reader over a length-delimited field (an embedded message).
    mutating func nested() throws(ProtobufError) -> ProtobufReader { ProtobufReader(try bytes()) }

    mutating func skip(_ wire: Int) throws(ProtobufError) {
        switch wire {
        case 0: _ = try varint()
        case 1: try advance(8)
        case 2: _ = try bytes()
        case 5: try advance(4)
        default: throw .badWireType(wire)
        }
    }

    private mutating func advance(_ n: Int) throws(ProtobufError) {
        guard n <= base.count - offset else { throw .truncated }
        offset += n
    }
}
