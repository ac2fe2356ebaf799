import Foundation
import Testing
import DocGraphLearn

/// Reading gold files: the format of Ontology/ANNOTATION.md, and errors that name the file and the place.
struct GoldAnnotationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func parse(_ text: String, path: String = "gold.json") throws(GoldError) -> GoldAnnotation {
        try GoldAnnotation.parse(Array(text.utf8), path: path)
    }

    @Test func anEntityIsRequiredUnlessMarkedOptional() {
        let e = GoldAnnotation.Entity(id: "a", type: "Organization", name: "市委")
        #expect(!e.optional)
    }

    @Test func readsEntitiesRelationsAlternativesAndTheTopLevelKeys() throws {
        let gold = try Self.parse("""
        {
         "document": "lanxi-npc-2031.txt",
         "author": "npcsc",
         "genre": "legislation",
         "source": "https://example.org/lanxi",
         "notes": "other keys are ignored",
         "entities": [
          {"id": "npcsc", "type": "Organization", "name": "岚溪市人大常委会", "aliases": ["市人大常委会", "常委会"]},
          {"id": "group", "type": "Organization", "name": "岚溪市人大常委会执法检查组", "aliases": [], "optional": true},
          {"id": "reg", "type": "Regulation", "name": "岚溪市湿地保护条例"},
          {"id": "chen", "type": "Person", "name": "陈岚", "aliases": ["陈主任"]}
         ],
         "relations": [
          {"subject": ["npcsc", "group"], "predicate": "inspected", "object": "reg"},
          {"subject": "chen", "predicate": "holdsPosition", "object": "npcsc", "role": "主任", "optional": false},
          {"subject": "npcsc", "predicate": "enacted", "object": "reg", "optional": true}
         ]
        }
        """)
        #expect(gold.author == "npcsc")
        #expect(gold.genre == "legislation")
        #expect(gold.source == "https://example.org/lanxi")
        #expect(gold.entities.map(\.id) == ["npcsc", "group", "reg", "chen"])
        #expect(gold.entities[0].aliases == ["市人大常委会", "常委会"])
        #expect(gold.entities[1].optional && !gold.entities[2].optional)
        #expect(gold.entities[2].aliases == [])
        #expect(gold.relations[0] == GoldAnnotation.Relation(subject: ["npcsc", "group"], predicate: "inspected", object: ["reg"]))
        #expect(gold.relations[1].role == "主任")
        #expect(gold.relations[2].optional)
    }

    @Test func escapesAndSurrogatePairsAreDecoded() throws {
        let gold = try Self.parse(#"{"entities": [{"id": "x", "type": "Program", "name": "\u201c\u5c9a\u201d\ud83c\udf3f\n", "aliases": ["a\"b\\c\/d"]}], "relations": []}"#)
        #expect(gold.entities[0].name == "“岚”🌿\n")
        #expect(gold.entities[0].aliases == ["a\"b\\c/d"])
    }

    /// A broken gold file, and the error it must give: the kind, and the whole printed line, which
    /// names the file, the line and column, and the entity or relation by index and id.
    struct BrokenGold: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var kind: GoldError.Kind
        var printed: String
        var testDescription: String { name }
    }

    static let entityA = #"  {"id": "a", "type": "Organization", "name": "岚溪市委"},"#

    static let broken: [BrokenGold] = [
        BrokenGold(name: "duplicate id", text: """
            {"entities": [
              {"id": "a", "type": "Organization", "name": "岚溪市委"},
              {"id": "a", "type": "Person", "name": "陈岚"}
             ],
             "relations": []}
            """, kind: .duplicateID,
            printed: "gold.json:3:10: error: entities[1] (id 'a'): duplicate id 'a', already the id of entities[0]"),
        BrokenGold(name: "unresolved relation end", text: """
            {"entities": [
            \(entityA)
              {"id": "r1", "type": "Regulation", "name": "岚溪市湿地保护条例"}
             ],
             "relations": [
              {"subject": "a", "predicate": "enacted", "object": ["r1", "r9"]}
             ]}
            """, kind: .unresolvedID,
            printed: "gold.json:6:61: error: relations[0] (a -enacted-> r1|r9): object 'r9' is not the id of any entity"),
        BrokenGold(name: "unknown predicate", text: """
            {"entities": [
            \(entityA)
              {"id": "r1", "type": "Regulation", "name": "岚溪市湿地保护条例"}
             ],
             "relations": [{"subject": "a", "predicate": "enact", "object": "r1"}]}
            """, kind: .unknownPredicate,
            printed: "gold.json:5:46: error: relations[0] (a -enact-> r1): unknown predicate 'enact' (did you mean 'enacted'?); "
                + "the scored predicates are enacted, amended, inspected, organized, participatedIn, holdsPosition, "
                + "collaboratedWith, oversees, reportsTo, leads, partOf"),
        BrokenGold(name: "unknown class", text: """
            {"entities": [{"id": "p", "type": "Persn", "name": "陈岚"}], "relations": []}
            """, kind: .unknownClass,
            printed: "gold.json:1:35: error: entities[0] (id 'p'): unknown type 'Persn' (did you mean 'Person'?); "
                + "the classes are Organization, Regulation, Person, Program, Document, Location, Event"),
        BrokenGold(name: "empty id", text: """
            {"entities": [{"id": "", "type": "Person", "name": "陈岚"}], "relations": []}
            """, kind: .emptyID,
            printed: "gold.json:1:22: error: entities[0]: empty id; every entity needs one, unique in the file"),
        BrokenGold(name: "malformed JSON: a missing comma", text: """
            {"entities": []
             "relations": []}
            """, kind: .malformedJSON,
            printed: "gold.json:2:2: error: expected ',' or '}' after a member, found '\"'"),
        BrokenGold(name: "malformed JSON: a trailing comma", text: """
            {"entities": [
            \(entityA)
             ], "relations": []}
            """, kind: .malformedJSON,
            printed: "gold.json:3:2: error: expected a value, found ']'"),
        BrokenGold(name: "malformed JSON: an unterminated string", text: """
            {"entities": [], "relations": [], "genre": "legis
            """, kind: .malformedJSON,
            printed: "gold.json:1:44: error: unexpected end of file in a string that starts here"),
        BrokenGold(name: "aliases not a list", text: """
            {"entities": [{"id": "a", "type": "Organization", "name": "岚溪市委", "aliases": "市委"}], "relations": []}
            """, kind: .invalidField,
            printed: "gold.json:1:78: error: entities[0] (id 'a'): \"aliases\" is a list of strings, not the string \"市委\""),
        BrokenGold(name: "no relations", text: """
            {"entities": []}
            """, kind: .invalidField,
            printed: "gold.json:1:1: error: no \"relations\": a gold file lists its relations (an empty list when there are none)"),
        BrokenGold(name: "an author that is no entity", text: """
            {"author": "npcsc", "entities": [], "relations": []}
            """, kind: .unresolvedID,
            printed: "gold.json:1:12: error: the author 'npcsc' is not the id of any entity"),
    ]

    @Test(arguments: broken)
    func brokenGoldNamesTheFileAndThePlace(_ c: BrokenGold) {
        #expect {
            try Self.parse(c.text)
        } throws: { error in
            guard let e = error as? GoldError else { return false }
            #expect(e.kind == c.kind)
            #expect(e.description == c.printed)
            return true
        }
    }

    /// A gold file on one line (as a program may write it), after a byte-order mark: the mistake at
    /// its end is placed in characters, not bytes, and the mark is not counted.
    @Test func aMistakeOnALongLineIsPlacedInCharacters() throws {
        let entities = (0..<2_000).map { #"{"id": "e\#($0)", "type": "Person", "name": "陈岚\#($0)"}"# }
        let line = #"{"entities": ["# + entities.joined(separator: ", ") + #"], "relations": [{"subject": "e1", "predicate": "leads", "object": "x"}]}"#
        let column = line.unicodeScalars.count - 5
        #expect(throws: GoldError(.unresolvedID, path: "gold.json", line: 1, column: column,
                                  message: "relations[0] (e1 -leads-> x): object 'x' is not the id of any entity")) {
            try Self.parse("\u{FEFF}" + line)
        }
    }

    @Test func aMissingFileIsAnErrorNamingIt() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-gold-\(UUID()).json").path
        #expect(throws: GoldError(.unreadable, path: path, message: "no such file")) {
            try GoldAnnotation.load(path: path)
        }
    }

    /// Every gold file the project holds passes the checks (the corpus and the validation set).
    @Test func everyGoldFileOfTheProjectLoads() throws {
        var count = 0
        for folder in ["Corpus", "Tests/Fixtures/dev3"] {
            let base = Self.root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
            for f in files where f.hasSuffix(".json") {
                let gold = try GoldAnnotation.load(path: base.appendingPathComponent(f).path)
                #expect(!gold.entities.isEmpty, "\(f)")
                count += 1
            }
        }
        #expect(count == 117)
    }
}
