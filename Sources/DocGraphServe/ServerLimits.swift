/// What keeps `docgraph serve` answering whatever its clients send: each
/// limit is a setting of the command, checked before the work it bounds.
public struct ServerLimits: Sendable, Equatable {
    /// How long one query may run before it is stopped (its evaluation, not only its answer).
    public var timeout: Duration
    /// The most solutions (or triples) one answer may hold; a larger answer is refused, not cut.
    public var maximumRows: Int
    /// The largest request body, and the longest query string, in bytes.
    public var maximumRequestBytes: Int
    /// How many queries are evaluated at once; more get 503 at once rather than waiting unseen.
    public var maximumConcurrentQueries: Int

    public init(timeout: Duration = .seconds(30), maximumRows: Int = 1_000_000,
                maximumRequestBytes: Int = 1 << 20, maximumConcurrentQueries: Int = 4) {
        self.timeout = timeout
        self.maximumRows = maximumRows
        self.maximumRequestBytes = maximumRequestBytes
        self.maximumConcurrentQueries = maximumConcurrentQueries
    }
}
