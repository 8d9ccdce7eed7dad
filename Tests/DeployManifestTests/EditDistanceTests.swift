import Testing

@testable import DeployManifest

@Suite struct EditDistanceTests {
    @Test(arguments: [
        ("", "", 0), ("a", "", 1), ("kitten", "sitting", 3), ("experiment_nme", "experiment_name", 1),
        ("flaw", "lawn", 2), ("é", "e", 1),
    ])
    func distances(a: String, b: String, distance: Int) {
        #expect(EditDistance.between(a, b) == distance)
        #expect(EditDistance.between(b, a) == distance)
    }

    @Test func suggestsTheClosestWithinTwoEdits() {
        let keys = ["name", "display_name", "experiment_name", "tags", "type"]
        #expect(EditDistance.closest(to: "experiment_nme", among: keys) == "experiment_name")
        #expect(EditDistance.closest(to: "tpye", among: keys) == "type")
        #expect(EditDistance.closest(to: "nam", among: keys) == "name")
        #expect(EditDistance.closest(to: "bogus", among: keys) == nil)
        #expect(EditDistance.closest(to: "ab", among: ["id"]) == nil)
        #expect(EditDistance.closest(to: "name", among: keys) == nil)
    }
}
