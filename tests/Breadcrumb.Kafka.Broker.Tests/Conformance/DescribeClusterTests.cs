using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>DescribeCluster: the cluster id, the controller and every live broker.</summary>
public sealed class DescribeClusterTests(MultiBrokerFixture fixture) : IClassFixture<MultiBrokerFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task DescribeClusterAsync_ThreeBrokers_GivesIdControllerAndNodes()
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = fixture.Cluster.BootstrapServers }).Build();

        var result = await admin.DescribeClusterAsync(new DescribeClusterOptions { IncludeAuthorizedOperations = true });

        result.ClusterId.Should().Be(fixture.Cluster.ClusterId);
        result.Controller.Id.Should().Be(fixture.Cluster.Brokers[0].NodeId);
        result.Nodes.Select(n => (n.Id, n.Host, n.Port)).Should().BeEquivalentTo(fixture.Cluster.Brokers.Select(b => (b.NodeId, b.Host, b.Port)));
        result.AuthorizedOperations.Should().Contain(AclOperation.Describe);
    }
}
