using System.Diagnostics;
using Breadcrumb.Kafka.Broker;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Soak;

/// <summary>
/// Every few seconds injects the next fault of a cycle: retriable Produce errors, a broker down for a second, Fetch errors,
/// 200 ms of added latency for a second, every connection dropped, and a Produce response lost on the way.
/// </summary>
internal sealed class FaultInjector(EmbeddedKafkaCluster cluster, TimeSpan every)
{
    private static readonly ErrorCode[] ProduceBurst =
    [
        ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotEnoughReplicas,
        ErrorCode.LeaderNotAvailable, ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut,
    ];

    private readonly List<string> log = [];

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (log)
            {
                return [.. log];
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            for (var round = 0; ; round++)
            {
                await Task.Delay(every, cancellationToken);
                var at = clock.Elapsed.TotalSeconds;
                switch (round % 6)
                {
                    case 0:
                        cluster.FailNextRequests(KafkaApiKey.Produce, ProduceBurst);
                        Add($"{at:N1} s: {ProduceBurst.Length} retriable Produce errors");
                        break;
                    case 1:
                        var broker = 1 + (round / 6 % cluster.BrokerCount);
                        await cluster.SetBrokerDownAsync(broker);
                        try
                        {
                            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
                        }
                        finally
                        {
                            cluster.SetBrokerUp(broker);
                        }

                        Add($"{at:N1} s: broker {broker} down for 1 s");
                        break;
                    case 2:
                        cluster.FailNextRequests(KafkaApiKey.Fetch, ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotLeaderForPartition);
                        Add($"{at:N1} s: 3 Fetch errors");
                        break;
                    case 3:
                        cluster.Faults.SetLatency(TimeSpan.FromMilliseconds(200));
                        await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
                        cluster.Faults.SetLatency(TimeSpan.Zero);
                        Add($"{at:N1} s: 200 ms added to every request for 1 s");
                        break;
                    case 4:
                        cluster.Faults.DropConnections();
                        Add($"{at:N1} s: every client connection dropped");
                        break;
                    default:
                        cluster.Faults.LoseNextResponses(KafkaApiKey.Produce);
                        Add($"{at:N1} s: one Produce response lost (the batch stored, the answer never sent)");
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Add(string entry)
    {
        lock (log)
        {
            log.Add(entry);
        }
    }
}
