#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocGraphModel

/// A buffered byte stream into a file (or into memory for tests): the
/// serializers and the exports write through it row by row and never hold
/// the whole file.
public final class ByteOutput {
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    /// Everything written, for an output created in memory.
    public private(set) var memory: [UInt8] = []
    /// The file's path, or `<memory>`.
    public let destination: String

    /// Creates or truncates the file at `path`.
    public init(path: String) throws {
        guard let f = fopen(path, "wb") else {
            throw ParseError(source: path, message: "cannot open file for writing: \(String(cString: strerror(errno)))")
        }
        file = f
        destination = path
        buffer.reserveCapacity(1 << 16)
    }

    /// Collects output in memory.
    public init() {
        destination = "<memory>"
    }

    deinit { if let file { fclose(file) } }

    /// The text written so far, for an output in memory.
    public var contents: String { String(decoding: memory + buffer, as: UTF8.self) }

    /// Appends text as it is, writing the buffer out once it holds 64 KiB.
    public func write(_ s: String) throws {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
        try flushIfFull()
    }

    /// Appends bytes as they are (the next ``write(_:)`` flushes).
    package func write(bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends one byte (the next ``write(_:)`` flushes).
    package func write(byte: UInt8) {
        buffer.append(byte)
    }

    /// Lets `body` append bytes to the pending buffer.
    @inline(__always)
    func append(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
    }

    /// Writes the buffer out once it holds 64 KiB.
    @inline(__always)
    func flushIfFull() throws {
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        guard let file else {
            memory.append(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        let n = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if n != buffer.count { throw ParseError(source: destination, message: "write failed: \(String(cString: strerror(errno)))") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; errors from the operating system surface here.
    public func close() throws {
        try flush()
        if let f = file {
            file = nil
            if fclose(f) != 0 { throw ParseError(source: destination, message: "write failed: \(String(cString: strerror(errno)))") }
        }
    }
}
