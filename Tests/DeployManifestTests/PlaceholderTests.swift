import Testing

@testable import DeployManifest

@Suite struct PlaceholderTests {
    @Test func findsDoubleBraceExpressions() {
        let found = Placeholder.scan("a ${{inputs.x}} b ${{ outputs.y_2 }} ${{search_space.lr}} ${{parent.z}}")
        #expect(found.map(\.text) == ["${{inputs.x}}", "${{ outputs.y_2 }}", "${{search_space.lr}}"])
        #expect(found.map(\.name) == ["x", "y_2", "lr"])
        #expect(found.map(\.namespace) == [.inputs, .outputs, .searchSpace])
        #expect(found.map(\.offset) == [2, 18, 37])
        #expect(found.allSatisfy { !$0.isSingleBrace && !$0.isOptional })
    }

    @Test func findsSingleBraceAndOptionalForms() {
        let found = Placeholder.scan("x {inputs.a} {{inputs.b}} [--c ${{inputs.c}}] [-d ${{inputs.d}} x] é{outputs.o}")
        #expect(found.map(\.text) == ["{inputs.a}", "${{inputs.c}}", "${{inputs.d}}", "{outputs.o}"])
        #expect(found.map(\.isSingleBrace) == [true, false, false, true])
        #expect(found.map(\.isOptional) == [false, true, false, false])
        #expect(found.last?.offset == 68)
    }

    @Test func keepsDottedNamesWhole() {
        #expect(Placeholder.scan("${{inputs.data.path}}").map(\.name) == ["data.path"])
        #expect(Placeholder.scan("${{inputs.}} ${{inputs.x").isEmpty)
    }
}
