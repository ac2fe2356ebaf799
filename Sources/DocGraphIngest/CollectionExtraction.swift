import DocGraphExtract
import DocGraphModel
import Foundation
import Synchronization

/// Extracts one graph from a collection of documents on several threads.
///
/// Each worker takes the next document, reads and extracts it into a graph
/// of its own, and the workers' graphs are merged at the end. Merging is a
/// union (names, documents and evidence are sets, confidence a maximum),
/// and every serialization sorts, so the output is byte-identical whatever
/// the number of jobs and the order documents finish in. Only one document
/// per worker is in memory at a time: peak memory follows the graph.
public struct CollectionExtraction: Sendable {
    public var extractor: Extractor
    public var reader: DocumentReader
    public var jobs: Int
    /// Makes each worker's extractor. Workers that share one extractor share
    /// its arrays and dictionaries, and their reference counts, which two
    /// cores then fight over; rules loaded once per worker keep them apart.
    public var workerExtractor: @Sendable () -> Extractor

    public init(extractor: Extractor, reader: DocumentReader = DocumentReader(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                workerExtractor: (@Sendable () -> Extractor)? = nil) {
        self.extractor = extractor
        self.reader = reader
        self.jobs = max(1, jobs)
        self.workerExtractor = workerExtractor ?? { extractor }
    }

    /// How far a run has got, for a progress display.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var bytes: Int
    }

    public struct Outcome: Sendable {
        public var graph: KnowledgeGraph
        /// Inputs that could not be read, in path order; the others are in the graph.
        public var failures: [IngestError]
        public var extracted: [String] = []
        /// Documents left out because the graph already held them, under the same id, with the same checksum.
        public var unchanged: [String] = []
        /// Documents whose earlier version was replaced.
        public var replaced: [String] = []
        /// Earlier ids of documents read again from the same path under another id (a new file
        /// lengthened the path tails that tell the documents apart): taken out, as a fresh run has them not.
        public var renamed: [String] = []
        public var bytes = 0
        /// Things the user should know that did not stop the run.
        public var warnings: [String] = []
    }

    /// Extracts `items` into `base` (empty for a fresh run). A document that
    /// `base` already holds under its id with the same checksum is skipped;
    /// one whose id `base` holds with another checksum replaces the facts of
    /// its earlier version, and
    /// the documents that share entities with it are read again from their
    /// recorded locations, so that the result equals a fresh run.
    public func run(_ items: [InputCollection.Item], into base: KnowledgeGraph = KnowledgeGraph(),
                    progress: @Sendable (Progress) -> Void = { _ in }) -> Outcome {
        // Ids are the shortest path tails that tell a collection's documents apart, so a new file can
        // lengthen the id of one read before: its earlier id goes, unless a document of this run has it.
        let ids = Set(items.map(\.id))
        var idAt: [String: String] = [:]
        for d in base.documents.values { if let path = d.location, !ids.contains(d.id) { idAt[path] = d.id } }
        let renamed = Set(items.compactMap { idAt[$0.path] })
        let next = Atomic<Int>(0)
        struct Shared {
            var graphs: [KnowledgeGraph] = []
            var failures: [IngestError] = []
            var extracted: [String] = []
            var unchanged: [String] = []
            var replaced: [String] = []
            var done = 0
            var bytes = 0
        }
        let shared = Mutex(Shared())
        let workers = min(jobs, max(items.count, 1))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let extractor = worker == 0 ? extractor : workerExtractor()
            var graph = KnowledgeGraph()
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < items.count else { break }
                let item = items[i]
                var outcome: (failure: IngestError?, skipped: Bool, replaced: Bool, bytes: Int) = (nil, false, false, 0)
                do throws(IngestError) {
                    let bytes = try Self.bytes(of: item.path)
                    outcome.bytes = bytes.count
                    let checksum = IRIMinting.sha256Hex(bytes)
                    // A document is known by its id and its content together: a copy of another
                    // document under a new name is a document of its own, as in a fresh run.
                    let earlier = base.documents[item.id]
                    if earlier?.checksum == checksum {
                        outcome.skipped = true
                    } else {
                        outcome.replaced = earlier != nil
                        extractor.extract(try reader.read(bytes: bytes, id: item.id, location: item.path, checksum: checksum), into: &graph)
                    }
                } catch {
                    outcome.failure = error
                }
                let snapshot = shared.withLock { s -> Progress in
                    if let f = outcome.failure { s.failures.append(f) }
                    else if outcome.skipped { s.unchanged.append(item.id) }
                    else { s.extracted.append(item.id); if outcome.replaced { s.replaced.append(item.id) } }
                    s.done += 1
                    s.bytes += outcome.bytes
                    return Progress(done: s.done, total: items.count, bytes: s.bytes)
                }
                progress(snapshot)
            }
            shared.withLock { $0.graphs.append(graph) }
        }
        let s = shared.withLock { $0 }
        var graph = base
        var warnings: [String] = []
        if !s.replaced.isEmpty || !renamed.isEmpty {
            // An entity keeps one set of names for all documents, so the names an old version gave
            // cannot be taken out alone: the entities it mentioned start again from no names, and
            // the other documents that mention them are read again from where they were read.
            let replaced = Set(s.replaced).union(renamed)
            let touched = Set(base.entities.values.filter { !$0.documents.isDisjoint(with: replaced) }.map(\.node))
            let others = Set(touched.flatMap { base.entities[$0]?.documents ?? [] }).subtracting(replaced)
            var again = KnowledgeGraph()
            var unavailable: [String] = []
            for id in others.sorted() {
                guard let d = base.documents[id], let path = d.location,
                      let bytes = try? Self.bytes(of: path), IRIMinting.sha256Hex(bytes) == d.checksum,
                      let doc = try? reader.read(bytes: bytes, id: id, location: path, checksum: d.checksum) else {
                    unavailable.append(id)
                    continue
                }
                extractor.extract(doc, into: &again)
            }
            if unavailable.isEmpty {
                for id in others { graph.removeDocument(id) }
                graph.forgetNames(of: touched)
                graph.merge(again)
            } else {
                warnings.append("cannot read again \(unavailable.joined(separator: ", ")) as it was (moved or changed): "
                                + "names that only the replaced versions gave stay until a fresh run")
            }
            for id in replaced { graph.removeDocument(id) }
        }
        for g in s.graphs { graph.merge(g) }
        if !s.replaced.isEmpty || !renamed.isEmpty { graph.recomputeConfidence(extractor.confidence(ofRule:)) }
        return Outcome(graph: graph, failures: s.failures.sorted { $0.path < $1.path }, extracted: s.extracted.sorted(),
                       unchanged: s.unchanged.sorted(), replaced: s.replaced.sorted(), renamed: renamed.sorted(), bytes: s.bytes,
                       warnings: warnings)
    }

    /// The bytes of a file, or of standard input for `-`.
    /// Read with open(2), fstat(2) and read(2) into one buffer of the file's
    /// size: for thousands of small documents, Foundation's file reading
    /// and the copy out of `Data` were a tenth of the run.
    public static func bytes(of path: String) throws(IngestError) -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: throw IngestError(path, "no such file")
            case EACCES: throw IngestError(path, "permission denied")
            default: throw IngestError(path, "cannot read file (\(String(cString: strerror(errno))))")
            }
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw IngestError(path, "cannot read file") }
        guard (st.st_mode & S_IFMT) != S_IFDIR else { throw IngestError(path, "is a folder, not a file") }
        var out = [UInt8](repeating: 0, count: max(Int(st.st_size), 0))
        var filled = 0
        while true {
            if filled == out.count { out += [UInt8](repeating: 0, count: max(out.count, 4096)) }   // the file grew, or has no size (a pipe)
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IngestError(path, "cannot read file (\(String(cString: strerror(errno))))")
            }
            if n == 0 { break }
            filled += n
        }
        out.removeSubrange(filled...)
        return out
    }
}
