import Testing

@testable import LocalWorkspace

@Suite struct CommandTemplateTests {
    let values: [String: String] = [
        "inputs.data": "/data/iris.csv", "inputs.lr": "0.1", "outputs.model": "/runs/j/outputs/model",
        "search_space.depth": "3",
    ]

    func substitute(_ command: String) throws -> String {
        try CommandTemplate(command).substituted { values["\($0.namespace.rawValue).\($0.name)"] }
    }

    @Test func referencesAreReplacedAsTheyAre() throws {
        #expect(
            try substitute("python train.py --data ${{inputs.data}} --lr ${{ inputs.lr }} --out ${{outputs.model}}")
                == "python train.py --data /data/iris.csv --lr 0.1 --out /runs/j/outputs/model")
        #expect(try substitute("echo ${{search_space.depth}}${{search_space.depth}}") == "echo 33")
        #expect(try substitute("echo $HOME ${HOME} {inputs.lr}") == "echo $HOME ${HOME} {inputs.lr}")
    }

    @Test func optionalPartsAreDroppedWhenAReferenceHasNoValue() throws {
        #expect(
            try substitute("python t.py $[[--lr ${{inputs.lr}}]] $[[--seed ${{inputs.seed}}]]")
                == "python t.py --lr 0.1 ")
    }

    @Test(arguments: [
        ("echo ${{inputs.seed}}", "the command refers to ${{inputs.seed}}, but the job has no input 'seed'"),
        ("echo ${{outputs.x}}", "the command refers to ${{outputs.x}}, but the job has no output 'x'"),
        (
            "echo ${{search_space.y}}",
            "the command refers to ${{search_space.y}}, but the job has no search-space parameter 'y'"
        ),
        (
            "echo ${{name}}",
            "the command refers to '${{name}}'; expected ${{inputs.<name>}}, ${{outputs.<name>}} or ${{search_space.<name>}}"
        ),
        ("echo ${{inputs.lr", "the command has a '${{' without its closing '}}'"),
        ("echo $[[ ${{inputs.lr}}", "the command has an optional part '$[[' without its closing ']]'"),
    ])
    func badReferencesFailWithAMessage(_ command: String, _ message: String) {
        #expect(throws: CommandTemplate.Failure(description: message)) { try substitute(command) }
    }
}
