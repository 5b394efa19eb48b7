using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace Breadcrumb.Kafka.Broker.Tests.Server;

/// <summary>KafkaClusterOptions.MaxConnectionsPerBroker and ConnectionIdleTimeout (connections.max.idle.ms).</summary>
public sealed class ConnectionLimitTests
{
    [Fact(Timeout = 30_000)]
    public async Task Connect_PastMaxConnectionsPerBroker_IsClosedAndServedAgainOnceOneCloses()
    {
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { MaxConnectionsPerBroker = 3 });
        var open = new List<RawKafkaConnection>();
        for (var i = 0; i < 3; i++)
        {
            var connection = await RawKafkaConnection.ConnectAsync(cluster);
            open.Add(connection);
            (await connection.SendAsync<ApiVersionsResponse>(new ApiVersionsRequest(), 2)).ErrorCode.Should().Be(0);
        }

        await using (var refused = await RawKafkaConnection.ConnectAsync(cluster))
        {
            (await refused.WaitUntilClosedAsync()).Should().BeTrue("a fourth connection is over the cap of 3");
        }

        await open[0].DisposeAsync();
        await Eventually.WaitUntilAsync(() => cluster.Core.Brokers[0].ConnectionCount < 3, "the broker notices the closed connection");
        await using var later = await RawKafkaConnection.ConnectAsync(cluster);
        (await later.SendAsync<ApiVersionsResponse>(new ApiVersionsRequest(), 2)).ErrorCode.Should().Be(0, "a slot freed up");
        foreach (var connection in open.Skip(1))
        {
            (await connection.SendAsync<ApiVersionsResponse>(new ApiVersionsRequest(), 2)).ErrorCode.Should().Be(0, "connections within the cap are untouched");
            await connection.DisposeAsync();
        }

        await Eventually.WaitUntilAsync(() => cluster.Core.Brokers[0].ConnectionCount <= 1, "the test's connections are gone");
        await TestClients.AssertRoundTripAsync(cluster, "after the connection cap");
    }

    [Fact(Timeout = 30_000)]
    public async Task IdleConnection_PastConnectionIdleTimeout_IsClosedAndAnActiveOneIsNot()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { TimeProvider = clock, ConnectionIdleTimeout = TimeSpan.FromMinutes(1) });
        await using var idle = await RawKafkaConnection.ConnectAsync(cluster);
        await using var active = await RawKafkaConnection.ConnectAsync(cluster);
        (await idle.SendAsync<ApiVersionsResponse>(new ApiVersionsRequest(), 2)).ErrorCode.Should().Be(0);

        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(25));
            (await active.SendAsync<ApiVersionsResponse>(new ApiVersionsRequest(), 2)).ErrorCode.Should().Be(0, "a connection that keeps sending stays open");
        }

        // 100 s passed: the idle connection's timer has fired (its request may have armed it up to one step late).
        await Eventually.AdvanceUntilAsync(clock, TimeSpan.FromSeconds(1), () => cluster.Core.Brokers[0].ConnectionCount == 1, "only the idle connection is closed", maxSteps: 5);
        (await idle.WaitUntilClosedAsync()).Should().BeTrue();
        (await active.SendAsync<ApiVersionsResponse>(new ApiVersionsRequest(), 2)).ErrorCode.Should().Be(0);
        await TestClients.AssertRoundTripAsync(cluster, "after an idle timeout");
    }
}
