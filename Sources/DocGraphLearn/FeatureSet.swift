/// The features of one decision: their numbers, and (when asked for, in
/// training and in `explain`) their names. Features are binary: a name is
/// there or not.
public struct FeatureSet: Sendable {
    public private(set) var hashes: [UInt64] = []
    /// Names by position in `hashes`; empty unless the set was made to keep them.
    public private(set) var names: [String] = []
    public let keepsNames: Bool

    public init(keepingNames: Bool = false) {
        keepsNames = keepingNames
        hashes.reserveCapacity(48)
    }

    /// Adds the feature `template=value`.
    public mutating func add(_ template: String, _ value: String) {
        var h = FeatureHasher(template)
        h.combine(byte: 0x3D)  // "="
        h.combine(value)
        hashes.append(h.value)
        if keepsNames { names.append(template + "=" + value) }
    }

    /// Adds the feature `template=value` with the value given as scalars.
    public mutating func add<C: Collection>(_ template: String, scalars: C) where C.Element == Unicode.Scalar {
        var h = FeatureHasher(template)
        h.combine(byte: 0x3D)
        h.combine(scalars: scalars)
        hashes.append(h.value)
        if keepsNames { names.append(template + "=" + String(String.UnicodeScalarView(scalars))) }
    }

    /// Adds the feature `template=value`, the template's part hashed once beforehand.
    @inline(__always)
    public mutating func add<C: Collection>(_ template: FeatureTemplate, scalars: C) where C.Element == Unicode.Scalar {
        var h = template.hasher
        h.combine(scalars: scalars)
        hashes.append(h.value)
        if keepsNames { names.append(template.name + "=" + String(String.UnicodeScalarView(scalars))) }
    }

    @inline(__always)
    public mutating func add(_ template: FeatureTemplate, _ value: String) {
        var h = template.hasher
        h.combine(value)
        hashes.append(h.value)
        if keepsNames { names.append(template.name + "=" + value) }
    }

    @inline(__always)
    public mutating func add(_ template: FeatureTemplate, _ value: Unicode.Scalar) {
        var h = template.hasher
        h.combine(value)
        hashes.append(h.value)
        if keepsNames { names.append(template.name + "=" + String(Character(value))) }
    }

    /// Removes every feature, keeping the storage (one set reused position after position).
    public mutating func removeAll() {
        hashes.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
    }

    /// Adds a feature that is only a name (`bias`, `author`).
    public mutating func add(_ name: String) {
        hashes.append(FeatureHasher(name).value)
        if keepsNames { names.append(name) }
    }

    public var count: Int { hashes.count }
}

/// The name part of features (`c-1` of `c-1=市`), hashed once so that each
/// feature costs only the hashing of its value.
public struct FeatureTemplate: Sendable {
    public let name: String
    let hasher: FeatureHasher

    public init(_ name: String) {
        self.name = name
        var h = FeatureHasher(name)
        h.combine(byte: 0x3D)  // "="
        hasher = h
    }
}
