import DeployManifest
import DeployYAML
import Testing

@Suite struct ComputeClusterTests {
    static let schema = "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\n"

    @Test func loadsACluster() throws {
        let loaded = try TestFolder().load(
            ComputeClusterTests.schema + """
                type: amlcompute
                name: cpu-cluster
                size: STANDARD_DS3_V2
                min_instances: 0
                max_instances: 2
                idle_time_before_scale_down: 120
                tier: Dedicated
                location: eastus
                description: d
                tags: {team: ml}
                ssh_public_access_enabled: false
                ssh_settings: {admin_username: azureuser, ssh_key_value: ssh-rsa AAA}
                network_settings: {vnet_name: v, subnet: s}
                identity:
                  type: user_assigned
                  user_assigned_identities:
                    - resource_id: /subscriptions/x/identities/y
                enable_node_public_ip: true
                provisioning_state: Succeeded
                """, name: "compute.yml")
        #expect(
            loaded.rendered == """
                compute.yml:20:1: warning: provisioning_state: read-only key, ignored
                provisioning_state: Succeeded
                ^
                """)
        let cluster = try #require(loaded.computeCluster)
        #expect(cluster.name.value == "cpu-cluster")
        #expect(cluster.size?.value == "STANDARD_DS3_V2")
        #expect(cluster.tier?.value == .dedicated)
        #expect(cluster.minInstances?.value == 0)
        #expect(cluster.maxInstances?.value == 2)
        #expect(cluster.idleTimeBeforeScaleDown?.value == 120)
        #expect(cluster.location?.value == "eastus")
        #expect(cluster.sshPublicAccessEnabled?.value == false)
        #expect(cluster.sshSettings?.value.adminUsername?.value == "azureuser")
        #expect(cluster.networkSettings?.value.subnet?.value == "s")
        #expect(cluster.identity?.value.type?.value == "user_assigned")
        #expect(cluster.identity?.value.userAssignedIdentities.map(\.value) == ["/subscriptions/x/identities/y"])
        #expect(cluster.enableNodePublicIP?.value == true)
    }

    @Test func reportsProblems() throws {
        let loaded = try TestFolder().load(
            """
            type: amlcompute
            size: 4
            tier: spot
            min_instances: 3
            max_instances: 2
            idle_time_before_scale_down: 2m
            """, name: "compute.yml")
        #expect(
            loaded.rendered == """
                compute.yml:1:1: error: missing required key `name`
                type: amlcompute
                ^
                compute.yml:2:7: error: size: expected a string, found 4
                size: 4
                      ^
                compute.yml:3:7: error: tier: expected one of "low_priority", "dedicated", found "spot"
                tier: spot
                      ^
                compute.yml:4:16: error: min_instances: 3 is more than max_instances (2)
                min_instances: 3
                               ^
                compute.yml:6:30: error: idle_time_before_scale_down: expected an integer, found "2m"
                idle_time_before_scale_down: 2m
                                             ^
                """)
    }
}
