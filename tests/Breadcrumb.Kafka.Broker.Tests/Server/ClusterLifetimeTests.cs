using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;

namespace Breadcrumb.Kafka.Broker.Tests.Server;

/// <summary>Stopping a cluster while its clients hang up: disposal closes everything and never throws.</summary>
public sealed class ClusterLifetimeTests
{
    [Fact(Timeout = 30_000)]
    public async Task DisposeAsync_WhileClientsAreHangingUp_ClosesCleanly()
    {
        for (var round = 0; round < 40; round++)
        {
            var cluster = KafkaCluster.Start();
            var connections = new List<RawKafkaConnection>();
            for (var i = 0; i < 8; i++)
            {
                var connection = await RawKafkaConnection.ConnectAsync(cluster);
                connections.Add(connection);
                (await connection.SendAsync<ApiVersionsResponse>(new ApiVersionsRequest(), 2)).ErrorCode.Should().Be(0);
            }

            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }

            var dispose = async () => await cluster.DisposeAsync();
            await dispose.Should().NotThrowAsync($"round {round}: the broker may be closing those connections at the same moment");
            cluster.Core.Brokers.Should().AllSatisfy(b => b.ConnectionCount.Should().Be(0));
        }
    }
}
