import DocGraphModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// XML written straight as UTF-8 bytes into a buffer that goes to a file
/// every 256 KiB: the writer for large streamed outputs (RDF/XML, GraphML).
///
/// It keeps no element stack and checks no nesting: callers write markup
/// they know to be well-formed (`<dg:x rdf:resource="`) with ``raw(_:)``
/// and every value that comes from data with ``text(_:)`` or
/// ``attributeValue(_:)``, which escape it and replace what XML 1.0 cannot
/// carry by U+FFFD. Escaping follows libxml2's `xmlTextWriter`, so files
/// come out byte for byte as they did through it, at a fraction of the cost
/// (no call into C per element, no copy of each string).
public final class XMLByteWriter {
    /// The name used in error messages.
    public let destination: String
    /// How many characters were replaced because XML 1.0 cannot carry them.
    @exclusivity(unchecked) public private(set) var replacedCharacters = 0
    /// Bytes not yet written out. (Unchecked exclusivity: every append
    /// otherwise pays a runtime access check, a tenth of a large conversion.)
    @exclusivity(unchecked) public var buffer: [UInt8] = []
    private var file: UnsafeMutablePointer<FILE>?
    /// Everything written, for a writer in memory.
    public private(set) var memory: [UInt8] = []
    private static let flushSize = 1 << 18

    /// Writes to the file at `path`, creating or truncating it.
    public init(path: String) throws(ParseError) {
        guard let f = fopen(path, "wb") else {
            throw ParseError(source: path, message: "cannot open file for writing: " + String(cString: strerror(errno)))
        }
        file = f
        destination = path
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    /// Writes to an anonymous temporary file, deleted when the writer goes
    /// (``copy(to:)`` appends its contents to another writer).
    public init(temporaryFor destination: String) throws(ParseError) {
        guard let f = tmpfile() else {
            throw ParseError(source: destination, message: "cannot create a temporary file: " + String(cString: strerror(errno)))
        }
        file = f
        self.destination = destination
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    /// Writes to memory; read the result with ``memory`` after ``close()``.
    public init() {
        destination = "<memory>"
    }

    deinit { if let file { fclose(file) } }

    /// Appends markup as it is.
    @inline(__always)
    public func raw(_ s: StaticString) {
        s.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    /// Appends markup as it is (a name the caller knows to be well-formed).
    @inline(__always)
    public func raw(_ s: String) {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
    }

    /// Appends a non-negative integer in decimal, without making a string of it.
    @inline(__always)
    public func decimal(_ n: Int) {
        if n < 10 { buffer.append(UInt8(truncatingIfNeeded: 0x30 + n)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = UInt(n)
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - count] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
                v /= 10
                count += 1
            } while v > 0
            buffer.append(contentsOf: d[(20 - count)...])
        }
    }

    /// Appends character data, escaping `&`, `<`, `>`, `"` and carriage return.
    @inline(__always)
    public func text(_ s: String) {
        var s = s
        s.withUTF8 { escape($0, attribute: false) }
    }

    /// Appends an attribute value (without its quotes), escaping also tab
    /// and line feed.
    @inline(__always)
    public func attributeValue(_ s: String) {
        var s = s
        s.withUTF8 { escape($0, attribute: true) }
    }

    /// Appends UTF-8 bytes escaped as character data or an attribute value.
    public func escape(_ u: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        // The common case: nothing to escape, copied whole.
        var clean = true
        for b in u where b < 0x3F || b == 0xEF {
            if b == 0x26 || b == 0x3C || b == 0x3E || b < 0x20 || b == 0xEF || b == 0x22 {
                clean = false
                break
            }
        }
        if clean {
            buffer.append(contentsOf: u)
            return
        }
        var i = 0
        while i < u.count {
            let b = u[i]
            switch b {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x22: raw("&quot;")
            case 0x0D: raw("&#13;")
            case 0x0A where attribute: raw("&#10;")
            case 0x09 where attribute: raw("&#9;")
            case 0x09, 0x0A: buffer.append(b)
            case 0..<0x20:
                replaced()
            case 0xEF where i + 2 < u.count && u[i + 1] == 0xBF && u[i + 2] >= 0xBE:
                replaced()
                i += 2
            default:
                buffer.append(b)
            }
            i += 1
        }
    }

    private func replaced() {
        replacedCharacters += 1
        buffer.append(contentsOf: [0xEF, 0xBF, 0xBD])
    }

    /// Writes the buffer out once it is full; call between records.
    @inline(__always)
    public func flushIfFull() throws(ParseError) {
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes the buffer out.
    public func flush() throws(ParseError) {
        guard let file else {
            memory.append(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        let n = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if n != buffer.count { throw ParseError(source: destination, message: "write failed: " + String(cString: strerror(errno))) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Appends everything this writer wrote (a temporary file) to `other`.
    public func copy(to other: XMLByteWriter) throws(ParseError) {
        try flush()
        guard let file else {
            other.buffer.append(contentsOf: memory)
            return
        }
        rewind(file)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n == 0 { break }
            try other.flush()
            other.buffer.append(contentsOf: chunk[0..<n])
        }
        if ferror(file) != 0 { throw ParseError(source: destination, message: "cannot read back a temporary file") }
    }

    /// Flushes and closes the file; errors from the operating system surface here.
    public func close() throws(ParseError) {
        try flush()
        if let f = file {
            file = nil
            if fclose(f) != 0 { throw ParseError(source: destination, message: "write failed: " + String(cString: strerror(errno))) }
        }
    }
}
