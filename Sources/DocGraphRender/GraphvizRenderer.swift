internal import CGraphviz
import Foundation

/// Graphviz as a library: DOT in, a laid-out picture out (SVG, PNG, or the
/// DOT with positions). Graphviz keeps global state (its error level, its
/// graph dictionaries, its plugins) and is not safe to use from two
/// threads at once: every call into it, in any renderer, holds one lock.
public final class GraphvizRenderer {
    private let context: OpaquePointer
    private static let lock = NSLock()

    /// The layouts DocGraph offers: sfdp for large graphs, neato for small ones, dot for trees
    /// (a focus), circo for rings.
    public static let layouts = ["sfdp", "neato", "dot", "circo"]

    public init() throws(RenderError) {
        // Graphviz reports syntax errors and missing fonts on standard error; DocGraph reports its own.
        Self.lock.lock()
        defer { Self.lock.unlock() }
        _ = agseterr(AGMAX)
        guard let context = gvContext() else { throw RenderError("Graphviz could not start") }
        self.context = context
    }

    deinit {
        Self.lock.lock()
        gvFreeContext(context)
        Self.lock.unlock()
    }

    /// `dot` laid out once by `layout` and drawn in each of `formats` (`svg`, `png`, `dot`):
    /// every picture of one call shows the same layout.
    ///
    /// The layout is the same in every process for the same DOT; within one process, Graphviz's
    /// force-directed layouts start the second graph from other random state than the first, so a
    /// caller that wants the same picture twice lays it out in a process of its own (the CLI does).
    public func render(dot: String, layout: String, formats: [String]) throws(RenderError) -> [[UInt8]] {
        guard Self.layouts.contains(layout) else {
            throw RenderError("unknown layout '\(layout)': use " + Self.layouts.joined(separator: ", "))
        }
        Self.lock.lock()
        defer { Self.lock.unlock() }
        guard let graph = agmemread(dot) else { throw RenderError("Graphviz could not read the DOT DocGraph wrote") }
        defer { agclose(graph) }
        guard gvLayout(context, graph, layout) == 0 else {
            throw RenderError("Graphviz has no \(layout) layout here: install the Debian package graphviz")
        }
        defer { gvFreeLayout(context, graph) }
        var out: [[UInt8]] = []
        for format in formats {
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard gvRenderData(context, graph, format, &data, &length) == 0, let data else {
                throw RenderError("Graphviz cannot write \(format) here: install the Debian package graphviz (its cairo plugin writes PNG)")
            }
            out.append(data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) })
            gvFreeRenderData(data)
        }
        return out
    }

    /// `dot` laid out by `layout` and drawn as `format`.
    public func render(dot: String, layout: String, format: String) throws(RenderError) -> [UInt8] {
        try render(dot: dot, layout: layout, formats: [format])[0]
    }
}

/// Why a picture could not be made; a lowercase message that says what to do.
public struct RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
