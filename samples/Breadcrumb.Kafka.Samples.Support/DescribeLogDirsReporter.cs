using System.Net.Sockets;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// Reports a topic's stored bytes from each partition leader's DescribeLogDirs answer, on brokers that serve it over a
/// plaintext listener (Kafka, and the C# embedded broker once it serves the request); null ("not reported") otherwise.
/// </summary>
/// <param name="connection">Where the cluster is.</param>
public sealed class DescribeLogDirsReporter(KafkaConnection connection) : IStoredBytesReporter
{
    /// <summary>Gets how long one broker may take to answer.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(5);

    private volatile bool notServed;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<int, long>?> GetStoredBytesAsync(string topic, CancellationToken cancellationToken)
    {
        var config = connection.CreateAdminConfig();
        if (notServed || config.SecurityProtocol is not (null or SecurityProtocol.Plaintext))
        {
            return null; // TLS and SASL handshakes are beyond this sample's few lines of protocol
        }

        var leaders = await Task.Run(
            () =>
            {
                using var admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
                var metadata = admin.GetMetadata(topic, Timeout);
                var brokers = metadata.Brokers.ToDictionary(b => b.BrokerId, b => (b.Host, b.Port));
                return metadata.Topics.Where(t => t.Topic == topic && t.Error.Code == ErrorCode.NoError)
                    .SelectMany(t => t.Partitions)
                    .Where(p => brokers.ContainsKey(p.Leader))
                    .GroupBy(p => brokers[p.Leader], p => p.PartitionId)
                    .ToList();
            },
            cancellationToken).ConfigureAwait(false);
        if (leaders.Count == 0)
        {
            return null;
        }

        var sizes = new Dictionary<int, long>();
        foreach (var leader in leaders)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Timeout);
            try
            {
                var answer = await DescribeLogDirsClient.GetPartitionSizesAsync(leader.Key.Host, leader.Key.Port, topic, [.. leader], deadline.Token).ConfigureAwait(false);
                if (answer is null)
                {
                    // A broker that does not serve the request will not start to: ask no more.
                    notServed = true;
                    return null;
                }

                foreach (var partition in leader)
                {
                    sizes[partition] = answer.GetValueOrDefault(partition);
                }
            }
            catch (Exception e) when (e is IOException or SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return null;
            }
        }

        return sizes;
    }
}
