import Testing
import DocGraphLearn

struct GoldAnnotationTests {
    @Test func anEntityIsRequiredUnlessMarkedOptional() {
        let e = GoldAnnotation.Entity(id: "a", type: "Organization", name: "市委")
        #expect(!e.optional)
    }
}
