using Breadcrumb.Kafka.Broker.Tests.Protocol;

namespace Breadcrumb.Kafka.Broker.Tests.Server;

/// <summary>
/// For every API the broker serves: random, truncated, bit-flipped and garbage frames from a seeded Random. Every
/// answer must be a well-formed response to its request, nothing may fail inside the broker, and afterwards a
/// produce/consume round trip still works.
/// </summary>
public sealed class FuzzTests
{
    private const int FramesPerApi = 300;
    private const string Topic = "fuzz";

    [Fact(Timeout = 60_000)]
    public async Task EveryServedApi_FuzzedFrames_BrokerAnswersWellFormedOrClosesAndKeepsServing()
    {
        var logs = new RecordingLoggerFactory();
        await using var cluster = KafkaCluster.Start(new KafkaClusterOptions { LoggerFactory = logs, MemoryBudgetBytes = 64 << 20 });
        cluster.CreateTopic(Topic, 3);
        var outcomes = new Dictionary<string, (int Answered, int Closed, int Silent)>();
        foreach (var api in cluster.Core.Dispatcher.Served)
        {
            var fuzzer = new FrameFuzzer(new Random(1000 + api.Key), Topic);
            var session = new FuzzSession(cluster);
            var (answered, closed, silent) = (0, 0, 0);
            for (var i = 1; i <= FramesPerApi; i++)
            {
                var frame = fuzzer.Next(api, i);
                switch (await session.SendAsync(frame))
                {
                    case FuzzOutcome.Answered: answered++; break;
                    case FuzzOutcome.Closed: closed++; break;
                    default: silent++; break;
                }
            }

            await session.DisposeAsync();
            outcomes[api.Name] = (answered, closed, silent);
            if (!cluster.TopicNames.Contains(Topic))
            {
                cluster.CreateTopic(Topic, 3); // a fuzzed DeleteTopics may hit it
            }
        }

        logs.Errors.Select(e => e.Split(Environment.NewLine)[0]).Distinct().Should().BeEmpty("no fuzzed frame may fail inside the broker");
        outcomes.Should().AllSatisfy(o => o.Value.Answered.Should().BeGreaterThan(0, $"some {o.Key} frames are well-formed and answered"));
        outcomes.Should().AllSatisfy(o => o.Value.Closed.Should().BeGreaterThan(0, $"some {o.Key} frames are malformed and close their connection"));
        await Eventually.WaitUntilAsync(() => cluster.Core.Brokers[0].ConnectionCount == 0, "every fuzz connection is closed on the broker's side too");
        await TestClients.AssertRoundTripAsync(cluster, "after the fuzz");
    }
}
