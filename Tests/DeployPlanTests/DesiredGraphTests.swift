import AzureML
import DeployPlan
import DeployYAML
import Foundation
import Testing

@Suite struct DesiredGraphTests {
    static let job = "name: j\ncommand: echo\nenvironment: azureml:AzureML-x@latest\n"

    static func keys(_ graph: DesiredGraph) -> [String] {
        graph.nodes.map(\.key.description)
    }

    @Test func nodesComeInDependencyOrderThenKindThenAppearance() throws {
        let scratch = try ScratchManifests([
            "job.yml": """
            command: echo
            experiment_name: train
            code: src
            environment: azureml:env:1
            compute: azureml:cpu
            inputs:
              d: {type: uri_file, path: azureml:data@latest}
            """,
            "src/main.py": "print(1)\n",
            "data.yml": "name: data\npath: https://example.com/x.csv\ntype: uri_file\n",
            "env.yml": "name: env\nversion: 1\nimage: python\n",
            "compute.yml": "type: amlcompute\nname: cpu\n",
        ])
        let graph = try DesiredGraph.build(
            try scratch.translate(["job.yml", "data.yml", "env.yml", "compute.yml"]), workspace: .local)
        #expect(
            Self.keys(graph) == [
                "compute.cpu", "environment.env:1", "data.data", "code.33da73e9-d1b5-f923-8d4a-ca4ab7eac7b7:1",
                "job.train-<hash>",
            ])
        let job = try #require(graph.nodes.last)
        #expect(
            job.dependencies.map(\.description) == [
                "code.33da73e9-d1b5-f923-8d4a-ca4ab7eac7b7:1", "environment.env:1", "compute.cpu", "data.data",
            ])
        #expect(
            job.links.map(\.resolution) == [
                .node(.resource(ResourceID(kind: .environment, name: "env", version: "1"))),
                .node(.resource(ResourceID(kind: .compute, name: "cpu"))), .node(.versionless(.data, name: "data")),
            ])
    }

    /// Curated environments need no reference at all: the translation sends them as written.
    @Test func referencesOutsideTheSetAreReadOrPassedThrough() throws {
        let scratch = try ScratchManifests([
            "job.yml": """
            name: j
            command: echo
            environment: azureml:AzureML-lightgbm-3.3@latest
            compute: serverless
            inputs:
              a: {type: uri_file, path: azureml:iris:2}
              b: {type: uri_file, path: azureml:iris@latest}
              c: {type: mlflow_model, path: azureml:model:1}
              d: {type: uri_folder, path: azureml://jobs/other/outputs/o}
              e: {type: uri_folder, path: azureml://registries/r/data/x/versions/1}
              f: {type: uri_file, path: azureml:/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w/data/x/versions/1}
            """
        ])
        let graph = try DesiredGraph.build(try scratch.translate(["job.yml"]), workspace: .local)
        #expect(
            graph.nodes[0].links.map(\.resolution) == [
                .passThrough("serverless compute"),
                .workspace(ExternalResource(kind: .data, name: "iris", version: "2")),
                .workspace(ExternalResource(kind: .data, name: "iris")),
                .workspace(ExternalResource(kind: .model, name: "model", version: "1")),
                .workspace(ExternalResource(kind: .job, name: "other")),
                .passThrough("an ARM id outside this workspace's resources"),
            ])
        #expect(graph.nodes[0].dependencies.isEmpty)
    }

    @Test func resourcesSharedByManifestsAreOneNode() throws {
        let scratch = try ScratchManifests([
            "a.yml": "name: a\ncommand: echo\ncode: src\nenvironment: {image: python}\n",
            "b.yml": "name: b\ncommand: echo\ncode: src\nenvironment: {image: python}\n",
            "src/x.py": "1\n",
        ])
        let graph = try DesiredGraph.build(try scratch.translate(["a.yml", "b.yml"]), workspace: .local)
        #expect(graph.nodes.count == 4)
        #expect(graph.nodes[0].manifests == [scratch.path + "/a.yml", scratch.path + "/b.yml"])
        #expect(graph.nodes.map(\.key.kind) == [.environment, .code, .job, .job])
    }

    @Test func theSetPinsLatestToItsVersionlessOrHighestDefinition() throws {
        let scratch = try ScratchManifests([
            "e2.yml": "name: e\nversion: 2\nimage: python\n", "e10.yml": "name: e\nversion: 10\nimage: python\n",
            "job.yml": Self.job.replacingOccurrences(of: "azureml:AzureML-x@latest", with: "azureml:e@latest"),
        ])
        let graph = try DesiredGraph.build(try scratch.translate(["e2.yml", "e10.yml", "job.yml"]), workspace: .local)
        #expect(
            graph.nodes.last?.links.map(\.resolution) == [
                .node(.resource(ResourceID(kind: .environment, name: "e", version: "10")))
            ])
    }

    @Test func twoDefinitionsOfOneResourceAreAnError() throws {
        let scratch = try ScratchManifests(["a.yml": Self.job, "b.yml": Self.job + "description: other\n"])
        #expect {
            try DesiredGraph.build(try scratch.translate(["a.yml", "b.yml"]), workspace: .local)
        } throws: { error in
            (error as? PlanError)?.description
                == "\(scratch.path)/b.yml:1:1: error: a job named j is also defined at \(scratch.path)/a.yml:1:1 with "
                + "different content; give one of them another name\nname: j\n^"
        }
        // The same content twice is one node.
        let same = try ScratchManifests(["a.yml": Self.job, "b.yml": Self.job])
        #expect(try DesiredGraph.build(try same.translate(["a.yml", "b.yml"]), workspace: .local).nodes.count == 1)
    }
}
