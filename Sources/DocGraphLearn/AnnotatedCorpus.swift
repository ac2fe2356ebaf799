import Foundation

/// The annotated documents under one or more folders: every document (`NAME.txt`, `NAME.html`, any
/// file but a `.json`) that has its gold file `NAME.json` beside it.
///
/// Folders are walked to any depth; hidden files and folders are not looked at, and links to
/// folders are not followed (no cycles). Items are sorted by path, so what is computed from them
/// does not depend on the order the file system lists names in. A document without gold is not an
/// item but is counted in ``passedOver``: a folder of documents half annotated is still a corpus.
/// A gold file without its document, or with two (`NAME.txt` and `NAME.html`), is an error: the
/// annotation would be silently unused or scored against a guess.
public struct AnnotatedCorpus: Sendable {
    /// One annotated document.
    public struct Item: Sendable, Equatable {
        /// The document's path, as found below the root given.
        public var documentPath: String
        /// Its gold file's path.
        public var goldPath: String
        /// The file name without its extension, shared by the document and its gold.
        public var name: String
        /// The gold's `genre`, else the part of ``name`` before its first `-`.
        public var genre: String
        /// The gold annotation, read and checked.
        public var gold: GoldAnnotation

        /// An item as listed (tests and callers that list documents their own way).
        public init(documentPath: String, goldPath: String, name: String, genre: String, gold: GoldAnnotation) {
            self.documentPath = documentPath
            self.goldPath = goldPath
            self.name = name
            self.genre = genre
            self.gold = gold
        }
    }

    /// The annotated documents, sorted by document path.
    public private(set) var items: [Item]
    /// Files with no gold beside them, sorted: not scored.
    public private(set) var passedOver: [String]

    /// Keeps only the items `include` accepts (a genre, say).
    public mutating func keep(_ include: (Item) -> Bool) {
        items = items.filter(include)
    }

    /// Lists and reads the annotated documents under `roots` (folders, or annotated documents
    /// named one by one). Every gold file is read and checked here, before any extraction, so a
    /// mistake in the last one does not wait for the rest to be extracted.
    public init(roots: [String]) throws(GoldError) {
        var documents = Set<String>(), passed = Set<String>()
        var goldByDocument: [String: String] = [:]
        for given in roots {
            let root = given.count > 1 && given.hasSuffix("/") ? String(given.dropLast()) : given
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else {
                throw GoldError(.noSuchFolder, path: given, message: "no such folder or file")
            }
            if !isFolder.boolValue {
                guard !root.hasSuffix(".json") else {
                    throw GoldError(.notADocument, path: given, message: "a gold file: name its document, or the folder that holds both")
                }
                let gold = Self.stem(root) + ".json"
                guard FileManager.default.fileExists(atPath: gold) else {
                    throw GoldError(.goldWithoutDocument, path: given, message: "no gold file beside it (expected \(gold))")
                }
                documents.insert(root)
                goldByDocument[root] = gold
                continue
            }
            for folder in try Self.folders(below: root) {
                let (files, golds) = try Self.files(in: folder)
                // The documents of each gold name; more than one is ambiguous, none an orphan.
                var byName: [String: [String]] = [:]
                for f in files where !f.hasSuffix(".json") {
                    let name = Self.stem(f)
                    if golds.contains(name) { byName[name, default: []].append(f) } else { passed.insert(folder + "/" + f) }
                }
                for name in golds.sorted() {
                    let gold = folder + "/" + name + ".json"
                    guard let docs = byName[name] else {
                        throw GoldError(.goldWithoutDocument, path: gold,
                                        message: "no document beside this gold file (expected \(name).txt or another \(name).* file)")
                    }
                    guard docs.count == 1 else {
                        throw GoldError(.ambiguousDocument, path: gold,
                                        message: "two documents for one gold file: " + docs.sorted().joined(separator: " and ")
                                            + "; keep one, or give the other its own name")
                    }
                    let doc = folder + "/" + docs[0]
                    documents.insert(doc)
                    goldByDocument[doc] = gold
                }
            }
        }
        var items: [Item] = []
        for doc in documents.sorted(by: Self.codePointOrder) {
            guard let goldPath = goldByDocument[doc] else { continue }
            let gold = try GoldAnnotation.load(path: goldPath)
            let name = Self.stem((doc as NSString).lastPathComponent)
            let genre = gold.genre.flatMap { $0.isEmpty ? nil : $0 } ?? String(name.prefix { $0 != "-" })
            items.append(Item(documentPath: doc, goldPath: goldPath, name: name, genre: genre, gold: gold))
        }
        self.items = items
        passedOver = passed.sorted(by: Self.codePointOrder)
    }

    /// A file name or path without its last extension (`a/b.c.txt` → `a/b.c`); a name that starts
    /// with its only dot keeps it.
    static func stem(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), dot != path.startIndex else { return path }
        let slash = path.lastIndex(of: "/")
        if let slash, dot <= path.index(after: slash) { return path }
        return String(path[..<dot])
    }

    /// Paths in code-point order (UTF-8 byte order), the order Python's `sorted` gives them.
    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// `root` and every folder below it that is not hidden, not following links to folders.
    static func folders(below root: String) throws(GoldError) -> [String] {
        var out: [String] = []
        var pending = [root]
        while let folder = pending.popLast() {
            out.append(folder)
            for name in try entries(of: folder) where !name.hasPrefix(".") {
                let path = folder + "/" + name
                if kind(of: path) == .folder { pending.append(path) }
            }
        }
        return out
    }

    /// The names of the files (links to files included) directly in `folder`, and the stems of its
    /// gold files.
    static func files(in folder: String) throws(GoldError) -> (files: [String], golds: Set<String>) {
        var files: [String] = []
        var golds = Set<String>()
        for name in try entries(of: folder) where !name.hasPrefix(".") && kind(of: folder + "/" + name) == .file {
            files.append(name)
            if name.hasSuffix(".json") { golds.insert(String(name.dropLast(5))) }
        }
        return (files, golds)
    }

    static func entries(of folder: String) throws(GoldError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw GoldError(.noSuchFolder, path: folder, message: "cannot read folder")
        }
    }

    enum EntryKind { case file, folder, other }

    /// What `path` is; a link to a folder is `.other`, so that walking never loops.
    static func kind(of path: String) -> EntryKind {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let type = attributes?[.type] as? FileAttributeType
        if type == .typeDirectory { return .folder }
        if type == .typeRegular { return .file }
        guard type == .typeSymbolicLink else { return .other }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .other }
        return isFolder.boolValue ? .other : .file
    }
}
