using System.Diagnostics;
using Breadcrumb.Kafka.Testing;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Soak;

/// <summary>Every few seconds injects the next fault of a cycle: retriable Produce errors, a broker down for a second, Fetch errors.</summary>
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
                switch (round % 3)
                {
                    case 0:
                        cluster.PushRequestErrors(KafkaApiKey.Produce, ProduceBurst);
                        Add($"{at:N1} s: {ProduceBurst.Length} retriable Produce errors");
                        break;
                    case 1:
                        var broker = 1 + (round / 3 % cluster.BrokerCount);
                        cluster.SetBrokerDown(broker);
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
                    default:
                        cluster.PushRequestErrors(KafkaApiKey.Fetch, ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotLeaderForPartition);
                        Add($"{at:N1} s: 3 Fetch errors");
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
