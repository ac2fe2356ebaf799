import Foundation

/// The documents a run reads, from what the user named: files, folders
/// (searched recursively for the formats DocGraph reads, narrowed by
/// include and exclude globs), list files (one path per line), and `-` for
/// standard input.
///
/// Each document gets an id that is unique in the collection and does not
/// depend on the order inputs were named in: the shortest tail of its path
/// (without extension) that no other document shares — `report` alone,
/// `2023/report` and `2024/report` when both exist.
public struct InputCollection: Sendable {
    public struct Item: Sendable, Equatable {
        /// The path to read, or `-` for standard input.
        public var path: String
        public var id: String
        public init(path: String, id: String) {
            self.path = path
            self.id = id
        }
    }

    public private(set) var items: [Item]
    /// Files found in the folders that no include pattern matched (with the default patterns: files
    /// of formats DocGraph does not read), in path order; files left out by an exclude pattern are not here.
    public private(set) var leftOut: [String] = []

    /// What a folder search picks up when no `--include` is given.
    public static let defaultIncludes = ["*.txt", "*.text", "*.md", "*.markdown", "*.html", "*.htm", "*.xhtml", "*.docx", "*.doc",
                                         "*.pdf", "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff"]

    /// Expands `inputs` (files, folders, `-`) and the paths in `lists` (`-`
    /// reads the list from standard input). A relative path in a list is
    /// relative to the current folder, as on the command line and as
    /// `docgraph documents` prints them, wherever the list file is. Globs
    /// without `/` match a file's name, globs with `/` its path below the
    /// folder; `*` matches across folders. Named files are always read.
    ///
    /// A list line may give the document's id after a tab (`PATH<TAB>ID`, as
    /// `docgraph documents` prints them): a machine that reads part of a
    /// collection then names each document as a run over all of it would,
    /// since an id depends on the other documents' paths.
    public init(inputs: [String], lists: [String] = [], include: [String] = [], exclude: [String] = []) throws(IngestError) {
        var paths: [String] = []
        var unmatched: [String] = []
        var given: [String: String] = [:]
        let fm = FileManager.default
        let includes = include.isEmpty ? Self.defaultIncludes : include
        for list in lists {
            let contents = list == "-" ? FileHandle.standardInput.readDataToEndOfFile() : fm.contents(atPath: list)
            guard let data = contents, let text = String(data: data, encoding: .utf8) else {
                throw IngestError(list, "cannot read list file")
            }
            for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
                let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                let path = fields[0].trimmingCharacters(in: .whitespacesAndNewlines)
                if path.isEmpty || path.hasPrefix("#") { continue }
                paths.append(path)
                guard fields.count == 2 else { continue }
                let id = fields[1].trimmingCharacters(in: .whitespacesAndNewlines)
                guard !id.isEmpty else { throw IngestError("\(list):\(number + 1):\(fields[0].count + 2)", "empty id after the tab") }
                if let earlier = given[path], earlier != id {
                    throw IngestError("\(list):\(number + 1):\(fields[0].count + 2)", "'\(path)' is given two ids, '\(earlier)' and '\(id)'")
                }
                given[path] = id
            }
        }
        for input in inputs {
            if input == "-" { paths.append("-"); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else { throw IngestError(input, "no such file or folder") }
            guard isDir.boolValue else { paths.append(input); continue }
            let root = input.hasSuffix("/") && input.count > 1 ? String(input.dropLast()) : input
            for relative in try Self.files(below: root) {
                guard !exclude.contains(where: { Self.glob($0, matches: relative) }) else { continue }
                guard includes.contains(where: { Self.glob($0, matches: relative) }) else {
                    unmatched.append(root + "/" + relative)
                    continue
                }
                paths.append(root + "/" + relative)
            }
        }
        var seen = Set<String>()
        let unique = paths.filter { seen.insert($0).inserted }.sorted()
        leftOut = Array(Set(unmatched).subtracting(unique)).sorted()
        items = zip(unique, Self.ids(for: unique)).map { Item(path: $0, id: given[$0] ?? $1) }
        if !given.isEmpty {
            var owner: [String: String] = [:]
            for item in items {
                if let other = owner.updateValue(item.path, forKey: item.id) {
                    throw IngestError(item.path, "id '\(item.id)' is also the id of '\(other)'; every document needs its own")
                }
            }
        }
    }

    /// The files below `root`, as paths relative to it, with readdir(3):
    /// the entry type comes with the name, so a folder of thousands of
    /// documents costs no stat per file. Hidden files and folders, and
    /// Word's lock files (~$report.docx), are not documents. Symbolic links
    /// to files are followed; links to folders are not (no cycles).
    static func files(below root: String) throws(IngestError) -> [String] {
        var out: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let dir = opendir(folder) else { throw IngestError(folder, "cannot read folder") }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") || name.hasPrefix("~$") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                    var st = stat()
                    guard stat(root + "/" + path, &st) == 0 else { continue }
                    type = (st.st_mode & S_IFMT) == S_IFDIR ? (type == Int32(DT_LNK) ? -1 : Int32(DT_DIR)) : Int32(DT_REG)
                }
                if type == Int32(DT_DIR) { pending.append(path) } else if type == Int32(DT_REG) { out.append(path) }
            }
        }
        return out
    }

    /// fnmatch(3)-style matching of `pattern` against a path below a folder:
    /// against the file name when the pattern has no `/`.
    public static func glob(_ pattern: String, matches relativePath: String) -> Bool {
        let subject = pattern.contains("/") ? relativePath : (relativePath as NSString).lastPathComponent
        return fnmatch(pattern, subject, 0) == 0
    }

    /// The shortest path tails, without extension, that tell the paths apart.
    static func ids(for paths: [String]) -> [String] {
        func parts(_ p: String) -> [String] {
            if p == "-" { return ["stdin"] }
            var comps = p.split(separator: "/").map(String.init).filter { $0 != "." }
            if let last = comps.last, let dot = last.lastIndex(of: "."), dot != last.startIndex {
                comps[comps.count - 1] = String(last[..<dot])
            }
            return comps
        }
        let all = paths.map(parts)
        var depth = [Int](repeating: 1, count: all.count)
        while true {
            let tails = all.indices.map { all[$0].suffix(depth[$0]).joined(separator: "/") }
            var groups: [String: [Int]] = [:]
            for (i, t) in tails.enumerated() { groups[t, default: []].append(i) }
            var grew = false
            for (_, members) in groups where members.count > 1 {
                for i in members where depth[i] < all[i].count { depth[i] += 1; grew = true }
            }
            if grew { continue }
            // Paths that differ only in their extension (report.txt, report.html) keep it.
            return tails.indices.map { i in
                groups[tails[i]]!.count > 1 ? paths[i].split(separator: "/").filter { $0 != "." }.joined(separator: "/") : tails[i]
            }
        }
    }
}
