import DocGraphModel
import Foundation

extension GoldAnnotation {
    /// Reads and checks the gold file at `path` (the format of `Ontology/ANNOTATION.md`).
    ///
    /// Everything the scorer relies on is checked here, so that a mistake in hand-written gold is
    /// an error that names its place instead of a silently different score: ids are non-empty and
    /// unique, every relation end and the author are entity ids, types are classes of the
    /// ontology and predicates the scored ones.
    public static func load(path: String) throws(GoldError) -> GoldAnnotation {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw GoldError(.unreadable, path: path, message: "no such file")
        }
        guard !isFolder.boolValue else { throw GoldError(.unreadable, path: path, message: "is a folder, not a gold file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GoldError(.unreadable, path: path, message: "cannot read file")
        }
        return try parse([UInt8](data), path: path)
    }

    /// Reads and checks gold JSON; `path` names it in errors.
    public static func parse(_ bytes: [UInt8], path: String) throws(GoldError) -> GoldAnnotation {
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            let (line, column) = JSONValue.position(of: error.offset, in: bytes)
            throw GoldError(.malformedJSON, path: path, line: line, column: column, message: error.message)
        }
        return try GoldValidator(path: path, bytes: bytes).annotation(root)
    }
}

/// Turns a parsed gold file into a ``GoldAnnotation``, or the first error, at its place.
private struct GoldValidator {
    let path: String
    /// The file read, for the line and column of an error.
    let bytes: [UInt8]

    func fail(_ kind: GoldError.Kind, _ at: JSONValue, _ message: String) -> GoldError {
        let (line, column) = JSONValue.position(of: at.offset, in: bytes)
        return GoldError(kind, path: path, line: line, column: column, message: message)
    }

    func annotation(_ root: JSONValue) throws(GoldError) -> GoldAnnotation {
        guard case .object = root.kind else {
            throw fail(.invalidField, root, "a gold file is an object with \"entities\" and \"relations\", not \(root.description)")
        }
        guard let entitiesValue = root["entities"] else {
            throw fail(.invalidField, root, "no \"entities\": a gold file lists its entities (an empty list when there are none)")
        }
        guard let entityValues = entitiesValue.array else {
            throw fail(.invalidField, entitiesValue, "\"entities\" is a list of objects, not \(entitiesValue.description)")
        }
        guard let relationsValue = root["relations"] else {
            throw fail(.invalidField, root, "no \"relations\": a gold file lists its relations (an empty list when there are none)")
        }
        guard let relationValues = relationsValue.array else {
            throw fail(.invalidField, relationsValue, "\"relations\" is a list of objects, not \(relationsValue.description)")
        }

        var entities: [GoldAnnotation.Entity] = []
        // Ids compare by code points, as the reference scorer's dictionaries do.
        var indexByID: [CodePointKey: Int] = [:]
        for (i, value) in entityValues.enumerated() {
            let entity = try self.entity(value, index: i)
            if let first = indexByID[CodePointKey(entity.id)] {
                throw fail(.duplicateID, value["id"] ?? value,
                           "entities[\(i)] (id '\(entity.id)'): duplicate id '\(entity.id)', already the id of entities[\(first)]")
            }
            indexByID[CodePointKey(entity.id)] = i
            entities.append(entity)
        }

        var relations: [GoldAnnotation.Relation] = []
        for (i, value) in relationValues.enumerated() {
            relations.append(try relation(value, index: i, ids: indexByID))
        }

        let author = try optionalString(root, "author", in: "the gold file")
        if let author, indexByID[CodePointKey(author)] == nil, let at = root["author"] {
            throw fail(.unresolvedID, at, "the author '\(author)' is not the id of any entity")
        }
        return GoldAnnotation(entities: entities, relations: relations, author: author,
                              genre: try optionalString(root, "genre", in: "the gold file"),
                              source: try optionalString(root, "source", in: "the gold file"))
    }

    func entity(_ value: JSONValue, index i: Int) throws(GoldError) -> GoldAnnotation.Entity {
        var place = "entities[\(i)]"
        guard case .object = value.kind else { throw fail(.invalidField, value, "\(place) is \(value.description), not an object") }
        let id = try requiredString(value, "id", in: place)
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail(.emptyID, value["id"] ?? value, "\(place): empty id; every entity needs one, unique in the file")
        }
        place += " (id '\(id)')"
        let type = try requiredString(value, "type", in: place)
        guard GoldAnnotation.scoredClasses.contains(type) || GoldAnnotation.unscoredClasses.contains(type) else {
            let classes = GoldAnnotation.scoredClasses + GoldAnnotation.unscoredClasses
            throw fail(.unknownClass, value["type"] ?? value,
                       "\(place): unknown type '\(type)'" + suggestion(type, classes) + "; the classes are " + classes.joined(separator: ", "))
        }
        let name = try requiredString(value, "name", in: place)
        guard !name.isEmpty else { throw fail(.invalidField, value["name"] ?? value, "\(place): empty name") }
        var aliases: [String] = []
        if let list = value["aliases"] {
            guard let elements = list.array else {
                throw fail(.invalidField, list, "\(place): \"aliases\" is a list of strings, not \(list.description)")
            }
            for element in elements {
                guard let alias = element.string else {
                    throw fail(.invalidField, element, "\(place): an alias is a string, not \(element.description)")
                }
                aliases.append(alias)
            }
        }
        return GoldAnnotation.Entity(id: id, type: type, name: name, aliases: aliases, optional: try optionalFlag(value, in: place))
    }

    func relation(_ value: JSONValue, index i: Int, ids: [CodePointKey: Int]) throws(GoldError) -> GoldAnnotation.Relation {
        var place = "relations[\(i)]"
        guard case .object = value.kind else { throw fail(.invalidField, value, "\(place) is \(value.description), not an object") }
        let subject = try ends(value, "subject", in: place)
        let predicate = try requiredString(value, "predicate", in: place)
        let object = try ends(value, "object", in: place)
        place += " (\(subject.map(\.id).joined(separator: "|")) -\(predicate)-> \(object.map(\.id).joined(separator: "|")))"
        guard GoldAnnotation.scoredPredicates.contains(predicate) else {
            throw fail(.unknownPredicate, value["predicate"] ?? value,
                       "\(place): unknown predicate '\(predicate)'" + suggestion(predicate, GoldAnnotation.scoredPredicates)
                       + "; the scored predicates are " + GoldAnnotation.scoredPredicates.joined(separator: ", "))
        }
        for (end, role) in [(subject, "subject"), (object, "object")] {
            for (id, at) in end where ids[CodePointKey(id)] == nil {
                throw fail(.unresolvedID, at, "\(place): \(role) '\(id)' is not the id of any entity")
            }
        }
        return GoldAnnotation.Relation(subject: subject.map(\.id), predicate: predicate, object: object.map(\.id),
                                       optional: try optionalFlag(value, in: place), role: try optionalString(value, "role", in: place))
    }

    /// A relation end: one id, or a non-empty list of alternative ids.
    func ends(_ value: JSONValue, _ name: String, in place: String) throws(GoldError) -> [(id: String, at: JSONValue)] {
        guard let v = value[name] else { throw fail(.invalidField, value, "\(place): no \"\(name)\"") }
        if let id = v.string { return [(id, v)] }
        guard let list = v.array else {
            throw fail(.invalidField, v, "\(place): \"\(name)\" is an entity id or a list of alternative ids, not \(v.description)")
        }
        guard !list.isEmpty else { throw fail(.invalidField, v, "\(place): \"\(name)\" is an empty list of alternatives") }
        var out: [(id: String, at: JSONValue)] = []
        for element in list {
            guard let id = element.string else {
                throw fail(.invalidField, element, "\(place): an alternative \(name) is an entity id, not \(element.description)")
            }
            out.append((id, element))
        }
        return out
    }

    func requiredString(_ value: JSONValue, _ name: String, in place: String) throws(GoldError) -> String {
        guard let v = value[name] else { throw fail(.invalidField, value, "\(place): no \"\(name)\"") }
        guard let s = v.string else { throw fail(.invalidField, v, "\(place): \"\(name)\" is a string, not \(v.description)") }
        return s
    }

    /// A string member that may be missing or null.
    func optionalString(_ value: JSONValue, _ name: String, in place: String) throws(GoldError) -> String? {
        guard let v = value[name], !v.isNull else { return nil }
        guard let s = v.string else { throw fail(.invalidField, v, "\(place): \"\(name)\" is a string, not \(v.description)") }
        return s
    }

    /// `"optional"`: true or false, missing or null for false.
    func optionalFlag(_ value: JSONValue, in place: String) throws(GoldError) -> Bool {
        guard let v = value["optional"], !v.isNull else { return false }
        guard case .bool(let b) = v.kind else {
            throw fail(.invalidField, v, "\(place): \"optional\" is true or false, not \(v.description)")
        }
        return b
    }

    /// "; did you mean 'enacted'?" for a name close to one of `known` (a typo of two edits at most).
    func suggestion(_ name: String, _ known: [String]) -> String {
        let lower = name.lowercased()
        let best = known.map { ($0, editDistance(Array(lower), Array($0.lowercased()))) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= 2 else { return "" }
        return " (did you mean '\(best.0)'?)"
    }

    func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
