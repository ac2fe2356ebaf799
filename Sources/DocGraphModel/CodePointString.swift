#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Equality, hashing and order of text by code points, as RDF compares IRIs
/// and literals (RDF 1.1 Concepts §3.2 and §3.3: simple string comparison,
/// no Unicode normalization).
///
/// Swift's `String` compares by canonical equivalence, which normalizes
/// non-ASCII text on every hash and comparison; for graphs of Chinese names
/// that was a large share of extraction time. Comparing UTF-8 bytes is both
/// what RDF asks for and a plain memory comparison (UTF-8 byte order is
/// code point order).
public enum CodePointString {
    @inlinable
    public static func equal(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in
                pa.count == pb.count && (pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0)
            }
        }
        return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }

    @inlinable
    public static func hash(_ s: String, into hasher: inout Hasher) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil { for b in s.utf8 { hasher.combine(b) } }
        hasher.combine(0xFF as UInt8)  // never a UTF-8 byte: ends the field
    }

    @inlinable
    public static func less(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb -> Bool in
                let n = min(pa.count, pb.count)
                let c = n == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, n)
                return c != 0 ? c < 0 : pa.count < pb.count
            }
        }
        return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// A string as a dictionary key or set member, compared and hashed by code
/// points (see ``CodePointString``).
public struct CodePointKey: Hashable, Comparable, Sendable {
    public let string: String

    public init(_ string: String) { self.string = string }

    public static func == (a: CodePointKey, b: CodePointKey) -> Bool { CodePointString.equal(a.string, b.string) }
    public func hash(into hasher: inout Hasher) { CodePointString.hash(string, into: &hasher) }
    public static func < (a: CodePointKey, b: CodePointKey) -> Bool { CodePointString.less(a.string, b.string) }
}
