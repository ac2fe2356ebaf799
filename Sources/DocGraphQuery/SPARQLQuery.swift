import DocGraphModel

/// A parsed SPARQL 1.1 query, in the shape of the specification's algebra
/// (§18): graph patterns, expressions, and the solution modifiers applied
/// after them.
public struct SPARQLQuery: Sendable {
    public enum Form: Sendable {
        /// Projected variables (empty for `*`) and expressions bound `AS` a name.
        case select(variables: [Projection], all: Bool)
        case ask
        case construct(template: [TriplePattern])
    }

    public struct Projection: Sendable {
        public var variable: String
        public var expression: Expression?
    }

    public var form: Form
    public var pattern: GraphPattern
    public var distinct = false
    public var reduced = false
    public var groupBy: [(expression: Expression, variable: String?)] = []
    public var having: [Expression] = []
    public var orderBy: [(expression: Expression, descending: Bool)] = []
    public var limit: Int?
    public var offset = 0
    /// Aggregates found in the projection, HAVING and ORDER BY, each bound to a hidden variable.
    public var aggregates: [(variable: String, aggregate: Aggregate)] = []
    /// A VALUES block after the query, joined with its solutions.
    public var trailingValues: GraphPattern?
    /// Features the query uses that DocGraph reads but does not evaluate
    /// (FROM, GRAPH, SERVICE, DESCRIBE): such a query is refused, never
    /// answered wrongly.
    public var unsupported: [String] = []
    /// Variables written once in the whole query, in a triple pattern and
    /// nowhere else: no join, filter, projection or template reads them, so
    /// the evaluator matches their position without binding it (a solution
    /// with fewer bindings is cheaper to build, and the count of solutions
    /// is the same). Empty when `SELECT *`, `CONSTRUCT WHERE` or
    /// `COUNT(DISTINCT *)` reads them all, or an EXISTS pattern might.
    public var unusedVariables: Set<String> = []
}

/// A subject, object or predicate position: a variable or a constant term.
public enum PatternTerm: Sendable, Hashable {
    case variable(String)
    case term(Term)
}

/// A property path (§9): a predicate, or paths combined.
public indirect enum PropertyPath: Sendable {
    case iri(IRI)
    case inverse(PropertyPath)
    case sequence(PropertyPath, PropertyPath)
    case alternative(PropertyPath, PropertyPath)
    case zeroOrMore(PropertyPath)
    case oneOrMore(PropertyPath)
    case zeroOrOne(PropertyPath)
    /// `!(p1|^p2)`: any predicate but these, forward or inverse.
    case negated(forward: [IRI], inverse: [IRI])
}

public struct TriplePattern: Sendable {
    public var subject: PatternTerm
    /// A variable or IRI predicate; `path` is set instead for a property path.
    public var predicate: PatternTerm
    public var path: PropertyPath?
    public var object: PatternTerm
}

public indirect enum GraphPattern: Sendable {
    case bgp([TriplePattern])
    case join(GraphPattern, GraphPattern)
    case leftJoin(GraphPattern, GraphPattern, Expression?)
    case union(GraphPattern, GraphPattern)
    case minus(GraphPattern, GraphPattern)
    case filter(Expression, GraphPattern)
    case extend(GraphPattern, String, Expression)
    case values(variables: [String], rows: [[Term?]])
    case subquery(SPARQLQuery)
}

public indirect enum Expression: Sendable {
    case variable(String)
    case constant(Term)
    case or(Expression, Expression)
    case and(Expression, Expression)
    case not(Expression)
    case compare(String, Expression, Expression)   // = != < > <= >=
    case arithmetic(Character, Expression, Expression)   // + - * /
    case negate(Expression)
    case plus(Expression)
    case `in`(Expression, [Expression], negated: Bool)
    case call(String, [Expression])   // built-in functions by upper-case name
    case exists(GraphPattern, negated: Bool)
    case aggregateResult(String)   // the hidden variable an aggregate was bound to
}

public struct Aggregate: Sendable {
    public var name: String   // COUNT, SUM, MIN, MAX, AVG, SAMPLE, GROUP_CONCAT
    public var distinct: Bool
    /// Nil for COUNT(*).
    public var expression: Expression?
    public var separator = " "
}
