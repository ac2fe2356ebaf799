/// Solutions as rows of term numbers, one column per variable of the query.
///
/// A query over a large graph makes solutions by the million. As
/// dictionaries from names to terms each would be an allocation, a hash per
/// binding and a reference count per term; as rows of a flat table of
/// 32-bit numbers they are neither, and joins, grouping and DISTINCT hash
/// and compare numbers. Terms are looked up (``TermPool/term(_:)``) only
/// when an expression or the output needs them.
struct SolutionTable {
    /// The number of a column no solution binds.
    static let unbound = UInt32.max

    /// Columns per row: the query's variables.
    let width: Int
    /// Row after row, `width` numbers each.
    private(set) var ids: [UInt32] = []
    /// Rows (kept apart from `ids`: a query without variables still has solutions).
    private(set) var count = 0

    init(width: Int) { self.width = width }

    /// One solution that binds nothing: where every pattern starts.
    static func unit(width: Int) -> SolutionTable {
        var table = SolutionTable(width: width)
        table.ids = Array(repeating: unbound, count: width)
        table.count = 1
        return table
    }

    var isEmpty: Bool { count == 0 }

    /// Row `i`, to read.
    func row(_ i: Int) -> SolutionRow { SolutionRow(numbers: ids[i * width ..< (i + 1) * width]) }

    subscript(row row: Int, column column: Int) -> UInt32 {
        get { ids[row * width + column] }
        set { ids[row * width + column] = newValue }
    }

    mutating func append(_ row: some Collection<UInt32>) {
        ids.append(contentsOf: row)
        count += 1
    }

    mutating func append(row i: Int, of other: SolutionTable) {
        ids.append(contentsOf: other.ids[i * width ..< (i + 1) * width])
        count += 1
    }

    mutating func append(contentsOf other: SolutionTable) {
        ids.append(contentsOf: other.ids)
        count += other.count
    }

    mutating func reserveCapacity(rows: Int) { ids.reserveCapacity(rows * width) }

    /// The rows at `indices`, in their order.
    func rows(_ indices: some Sequence<Int>) -> SolutionTable {
        var out = SolutionTable(width: width)
        for i in indices { out.append(row: i, of: self) }
        return out
    }

    /// The columns bound in every row (the keys a hash join can use).
    func columnsBoundEverywhere() -> [Bool] {
        var bound = [Bool](repeating: true, count: width)
        for i in 0..<count {
            for c in 0..<width where bound[c] && self[row: i, column: c] == Self.unbound { bound[c] = false }
        }
        return bound
    }
}

/// One solution of a ``SolutionTable``: a term number per column.
struct SolutionRow {
    let numbers: ArraySlice<UInt32>

    subscript(column: Int) -> UInt32 { numbers[numbers.startIndex + column] }

    /// Whether two rows agree on every column both bind (SPARQL's compatible solutions).
    func isCompatible(with other: SolutionRow) -> Bool {
        for c in 0..<numbers.count {
            let a = self[c], b = other[c]
            if a != b && a != SolutionTable.unbound && b != SolutionTable.unbound { return false }
        }
        return true
    }
}
