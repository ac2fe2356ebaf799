import Foundation
import Testing
import DocGraphLearn
import DocGraphModel
@testable import DocGraphExtract

/// The learned stages on made-up documents: a model trained on a handful of annotated reports
/// decides relations and names on a report it never saw.
struct LearnedExtractionTests {
    static func document(_ id: String, _ text: String) -> TextDocument { TextDocument(id: id, text: text, checksum: "") }

    /// Reports of made-up cities' standing committees: each enacts one regulation and only
    /// studies another; the gold says which.
    static func corpus() -> [(document: TextDocument, gold: GoldAnnotation, genre: String)] {
        let cities = ["杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市"]
        let laws = ["河道管理", "养犬管理", "物业管理", "文明行为", "消防安全", "电梯安全", "古树名木保护", "城市绿化"]
        return cities.enumerated().map { k, city in
            let made = "《\(city)\(laws[k])条例》", studied = "《\(city)\(laws[(k + 1) % laws.count])条例》"
            let text = "\(city)人大常委会2023年工作报告\n一年来，常委会制定\(made)。常委会组织学习\(studied)，听取各方意见。"
            let gold = GoldAnnotation(
                entities: [.init(id: "a", type: "Organization", name: "\(city)人大常委会", aliases: ["常委会"]),
                           .init(id: "r1", type: "Regulation", name: made), .init(id: "r2", type: "Regulation", name: studied)],
                relations: [.init(subject: ["a"], predicate: "enacted", object: ["r1"])], author: "a")
            return (document("d\(k)", text), gold, "legislation")
        }
    }

    static func trained() throws -> ExtractionModel {
        let rules = try ExtractorTests.rules.get()
        return ExtractionTrainer(extractor: Extractor(rules: rules)).train(corpus(), jobs: 2).model
    }

    @Test func aTrainedModelDrawsTheRelationTheGoldTeaches() throws {
        let extractor = Extractor(rules: try ExtractorTests.rules.get(), model: try Self.trained())
        let g = extractor.extract(Self.document("new", "丽水市人大常委会2024年工作报告\n常委会制定《丽水市山林防火条例》。常委会组织学习《丽水市水资源条例》。"))
        let enacted = g.relations.values.filter { $0.predicate == DG.term("enacted") }.compactMap { g.entities[$0.object]?.label }
        #expect(enacted == ["《丽水市山林防火条例》"])
        let rule = g.relations.values.first { $0.predicate == DG.term("enacted") }?.provenance.first?.rule
        #expect(rule == "model.enacted")
    }

    /// ONTOLOGY.md rule 6: a list of bodies acting together is one subject, and the relation holds for each.
    @Test func aListOfBodiesActingTogetherGivesEachTheRelation() throws {
        let cities = ["杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市"]
        let corpus = cities.enumerated().map { k, city -> (document: TextDocument, gold: GoldAnnotation, genre: String) in
            let made = "《\(city)第\(k + 1)号管理办法》"
            let text = "\(city)人民政府通报\n\(city)财政局、\(city)民政局和\(city)教育局联合印发\(made)。"
            let gold = GoldAnnotation(
                entities: [.init(id: "g", type: "Organization", name: "\(city)人民政府"),
                           .init(id: "a", type: "Organization", name: "\(city)财政局"), .init(id: "b", type: "Organization", name: "\(city)民政局"),
                           .init(id: "c", type: "Organization", name: "\(city)教育局"), .init(id: "r", type: "Regulation", name: made)],
                relations: ["a", "b", "c"].map { .init(subject: [$0], predicate: "enacted", object: ["r"]) }, author: "g")
            return (Self.document("l\(k)", text), gold, k % 2 == 0 ? "government" : "finance")
        }
        let rules = try ExtractorTests.rules.get()
        let model = ExtractionTrainer(extractor: Extractor(rules: rules)).train(corpus, jobs: 2).model
        let g = Extractor(rules: rules, model: model).extract(Self.document("new", "丽水市人民政府通报\n丽水市财政局、丽水市民政局和丽水市教育局联合印发《丽水市第9号管理办法》。"))
        let enacted = Set(g.relations.values.filter { $0.predicate == DG.term("enacted") }.compactMap { g.entities[$0.subject]?.label })
        #expect(enacted == ["丽水市财政局", "丽水市民政局", "丽水市教育局"])
    }

    /// Notices of made-up counties: a post title alone (主任) is the author's post; one written after a
    /// body's name (村委会主任) is that body's.
    @Test func aTitleWrittenAfterABodysNameIsThatBodysPostNotTheAuthors() throws {
        let counties = ["桐庐县", "建德县", "淳安县", "安吉县", "德清县", "长兴县", "海盐县", "嘉善县"]
        let villages = ["东山村", "西山村", "南山村", "北山村", "青山村", "白山村", "黄山村", "石山村"]
        let names = [("唐晓梅", "郑国栋"), ("韩立新", "陈少华"), ("吴建平", "周海燕"), ("孙立群", "钱永明"),
                     ("赵文生", "李春燕"), ("王德明", "刘桂芳"), ("冯国庆", "褚秀英"), ("蒋建华", "沈玉兰")]
        let corpus = counties.indices.map { k -> (document: TextDocument, gold: GoldAnnotation, genre: String) in
            let (chair, head) = names[k]
            let text = "\(counties[k])纪委关于典型问题的通报\n主任\(chair)主持召开会议。\(villages[k])村委会主任\(head)履职不力，受到批评。"
            let gold = GoldAnnotation(
                entities: [.init(id: "a", type: "Organization", name: "\(counties[k])纪委"),
                           .init(id: "v", type: "Organization", name: "\(villages[k])村委会"),
                           .init(id: "p", type: "Person", name: chair), .init(id: "q", type: "Person", name: head)],
                relations: [.init(subject: ["p"], predicate: "holdsPosition", object: ["a"]),
                            .init(subject: ["q"], predicate: "holdsPosition", object: ["v"])], author: "a")
            return (Self.document("v\(k)", text), gold, "discipline")
        }
        let rules = try ExtractorTests.rules.get()
        let model = ExtractionTrainer(extractor: Extractor(rules: rules)).train(corpus, jobs: 2).model
        let g = Extractor(rules: rules, model: model).extract(Self.document("new", "开化县纪委关于典型问题的通报\n主任施国华主持召开会议。红山村村委会主任葛明亮履职不力，受到批评。"))
        let posts = Set(g.relations.values.filter { $0.predicate == DG.term("holdsPosition") }
            .compactMap { r in g.entities[r.subject].flatMap { s in g.entities[r.object].map { s.label + ">" + $0.label } } })
        #expect(posts.contains("葛明亮>红山村村民委员会"))
        #expect(!posts.contains("葛明亮>开化县纪委"))
        #expect(posts.contains("施国华>开化县纪委"))
    }

    @Test func trainingIsTheSameForAnyNumberOfJobs() throws {
        let rules = try ExtractorTests.rules.get()
        let a = ExtractionTrainer(extractor: Extractor(rules: rules)).train(Self.corpus(), jobs: 1).model
        let b = ExtractionTrainer(extractor: Extractor(rules: rules)).train(Self.corpus(), jobs: 3).model
        #expect(a.files(comment: "t").map(\.contents) == b.files(comment: "t").map(\.contents))
    }

    @Test func aModelFolderReadsBackToTheSameDecisions() throws {
        let model = try Self.trained()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, contents) in model.files(comment: "t") { try contents.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        #expect(ExtractionModel.exists(in: dir.path))
        let read = try ExtractionModel.load(directory: dir.path)
        #expect(read.files(comment: "t").map(\.contents) == model.files(comment: "t").map(\.contents))
    }

    @Test func aWeightFileOfAnotherKindIsRefusedByName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "kind\tlinear\nlabels\tnone\tfunded\n".write(to: dir.appendingPathComponent(ExtractionModel.relationsFile), atomically: true, encoding: .utf8)
        #expect(throws: WeightFile.Error.self) { try ExtractionModel.load(directory: dir.path) }
    }

    /// ONTOLOGY.md rule 5: 政协 and 组织部 named short are the document's bodies, one node each.
    @Test func aBodyNamedShortIsTheBodyWhoseNameEndsAlike() throws {
        let extractor = Extractor(rules: try ExtractorTests.rules.get())
        let text = "宁波市人大常委会工作报告\n中共宁波市委组织部召开会议。组织部负责人出席。"
        var reading = DocumentReading(extractor, Self.document("t", text))
        reading.findMentions()
        // The names the entity stage keeps: the department in full, then short.
        func body(_ name: String, at start: Int) -> Mention {
            Mention(kind: .organization, range: start..<(start + name.count), surface: name, canonical: name, rule: .organizationLearned)
        }
        reading.readings[1].mentions = [body("中共宁波市委组织部", at: 13)]
        reading.readings[2].mentions = [body("组织部", at: 27)]
        reading.buildEntityTable()
        let bodies = Set(reading.found.filter { $0.kind == .organization && $0.mentioned }.map(\.label))
        #expect(bodies == ["宁波市人大常委会", "中共宁波市委组织部"])
        #expect(reading.found.first { $0.label == "中共宁波市委组织部" }?.aliases.contains(CodePointKey("组织部")) == true)
        #expect(DocumentReading.bodyKey("陕西省发展和改革委员会") == DocumentReading.bodyKey("陕西省发展改革委"))
        #expect(DocumentReading.bodyKey("省十三届人大常委会") == DocumentReading.bodyKey("省人大常委会"))
        #expect(DocumentReading.bodyKey("市人大常委会") != DocumentReading.bodyKey("市政协"))
    }

    @Test func goldMatchingFollowsTheScorer() {
        let gold = GoldAnnotation(entities: [.init(id: "a", type: "Organization", name: "杭州市委", aliases: ["中共杭州市委"]),
                                             .init(id: "p", type: "Program", name: "河长制")],
                                  relations: [.init(subject: ["a"], predicate: "organized", object: ["p"]),
                                              .init(subject: ["a"], predicate: "collaboratedWith", object: ["b"], optional: true)])
        let m = GoldMatcher(gold)
        #expect(m.ids(of: ["“中共杭州市委”"], kind: "Organization", isAuthor: false) == ["a"])
        #expect(m.ids(of: ["杭州市委"], kind: "Program", isAuthor: false).isEmpty)
        #expect(m.label(.organizationProgram, subject: ["a"], object: ["p"]) == "organized")
        #expect(m.label(.organizationProgram, subject: ["p"], object: ["a"]) == "none")
        #expect(m.label(.organizationOrganization, subject: ["b"], object: ["a"]) == nil)
    }
}
