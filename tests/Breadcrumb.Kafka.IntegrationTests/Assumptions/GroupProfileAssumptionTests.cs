using System.Diagnostics;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.IntegrationTests.Assumptions;

/// <summary>Pins why the embedded broker sets a group profile: without it the mock delays every first join.</summary>
public sealed class GroupProfileAssumptionTests
{
    [Fact(Timeout = 60_000)]
    public async Task WithoutFastProfile_FirstJoin_WaitsForTheInitialRebalanceDelay()
    {
        await using var cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { FastGroupProfile = false, Fidelity = EmbeddedKafkaFidelity.RawMock });
        cluster.CreateTopic("join", 2);
        var config = cluster.Connection.CreateConsumerConfig($"g-{Guid.NewGuid():N}");
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(config).Build();

        var (elapsed, assigned) = await Task.Run(
            () =>
            {
                var clock = Stopwatch.StartNew();
                consumer.Subscribe("join");
                while (consumer.Assignment.Count < 2 && clock.Elapsed < TimeSpan.FromSeconds(30))
                {
                    consumer.Consume(TimeSpan.FromMilliseconds(20));
                }

                return (clock.Elapsed, consumer.Assignment.Count);
            },
            TestContext.Current.CancellationToken);
        consumer.Close();

        assigned.Should().Be(2, "the single member gets both partitions in the end");
        elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2.5),
            "ASSUMPTION BROKE: the mock's default initial rebalance delay (3 s) holds a classic group's first join; " +
            "if it no longer does, EmbeddedKafkaOptions.FastGroupProfile may be unnecessary");
    }
}
