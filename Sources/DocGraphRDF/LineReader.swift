#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocGraphModel

/// Reads a file line by line in large chunks, handing out each line as
/// bytes without copying: the N-Triples reader's input, flat in memory
/// whatever the file's size.
struct LineReader {
    let path: String

    /// Calls `body` with each line (without its `\n` or `\r\n`) and its
    /// 1-based number.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        guard let file = fopen(path, "rb") else {
            throw ParseError(source: path, message: errno == ENOENT ? "no such file" : "cannot read file")
        }
        defer { fclose(file) }
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var carry = 0       // bytes of an unfinished line kept at the start of the buffer
        var lineNumber = 0
        while true {
            if carry == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let read = buffer.withUnsafeMutableBytes { raw in
                raw.baseAddress.map { fread($0 + carry, 1, raw.count - carry, file) } ?? 0
            }
            if read == 0 && ferror(file) != 0 { throw ParseError(source: path, message: "read error") }
            let end = carry + read
            let atEOF = read == 0
            var consumed = 0
            try buffer.withUnsafeBufferPointer { buf in
                var start = 0
                var i = carry
                while i < end {
                    if buf[i] == 0x0A {
                        lineNumber += 1
                        var stop = i
                        if stop > start && buf[stop - 1] == 0x0D { stop -= 1 }
                        try body(UnsafeBufferPointer(rebasing: buf[start..<stop]), lineNumber)
                        start = i + 1
                    }
                    i += 1
                }
                if atEOF && start < end {
                    lineNumber += 1
                    var stop = end
                    if buf[stop - 1] == 0x0D { stop -= 1 }
                    try body(UnsafeBufferPointer(rebasing: buf[start..<stop]), lineNumber)
                    start = end
                }
                consumed = start
            }
            if atEOF { return }
            carry = end - consumed
            if consumed > 0 && carry > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    if let base = raw.baseAddress { memmove(base, base + consumed, carry) }
                }
            }
        }
    }
}
