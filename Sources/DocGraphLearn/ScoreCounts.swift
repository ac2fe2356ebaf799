/// True positives, false positives and false negatives of one class, one predicate or everything,
/// with the precision, recall and F1 they give.
///
/// Counts are kept rather than ratios so that scores add up: the micro-average over documents is
/// the ratio of the summed counts, exactly as the reference scorer's `--gold-dir` computes it.
public struct ScoreCounts: Sendable, Equatable, Hashable {
    /// Found and in the gold.
    public var tp: Int
    /// Found and not in the gold (or a second node for one entity).
    public var fp: Int
    /// In the gold and not found.
    public var fn: Int

    /// Counts, zero unless given.
    public init(tp: Int = 0, fp: Int = 0, fn: Int = 0) {
        self.tp = tp
        self.fp = fp
        self.fn = fn
    }

    /// tp / (tp + fp), 0 when nothing was found.
    public var precision: Double { tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0 }
    /// tp / (tp + fn), 0 when there was nothing to find.
    public var recall: Double { tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0 }
    /// The harmonic mean of precision and recall, computed as kgscore.py does (to the last bit).
    public var f1: Double {
        let p = precision, r = recall
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }

    /// True when nothing was counted.
    public var isEmpty: Bool { tp == 0 && fp == 0 && fn == 0 }

    /// The counts of both, added.
    public static func + (a: ScoreCounts, b: ScoreCounts) -> ScoreCounts {
        ScoreCounts(tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn)
    }

    /// Adds `b`'s counts.
    public static func += (a: inout ScoreCounts, b: ScoreCounts) { a = a + b }
}
