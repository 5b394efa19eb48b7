using Breadcrumb.Kafka.Lab.Transactions.Client;
using Breadcrumb.Kafka.Lab;
using Confluent.Kafka;

namespace Breadcrumb.Kafka.Tests.Transactions;

/// <summary>Records the transactional calls and fails them on demand; offsets advance like a one-partition log with markers.</summary>
internal sealed class FakeTransactionalClient : ITransactionalClient
{
    private readonly object gate = new();
    private readonly Dictionary<string, long> nextOffset = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    public List<(string Topic, string? Key, byte[] Value)> Produced { get; } = [];

    public Queue<Exception> InitErrors { get; } = new();

    public Queue<Exception> CommitErrors { get; } = new();

    public Queue<Exception> AbortErrors { get; } = new();

    public Func<int, Exception?> ProduceError { get; set; } = _ => null;

    public List<(IReadOnlyList<TopicPartitionOffset> Offsets, IConsumerGroupMetadata Metadata)> SentOffsets { get; } = [];

    public bool Disposed { get; private set; }

    public void InitTransactions(TimeSpan timeout) => Record("init", InitErrors);

    public void BeginTransaction() => Record("begin", null);

    public Task<TransactionRecord> ProduceAsync(string topic, string? key, byte[] value)
    {
        lock (gate)
        {
            Calls.Add($"produce {topic}");
            var error = ProduceError(Produced.Count);
            Produced.Add((topic, key, value));
            if (error is not null)
            {
                return Task.FromException<TransactionRecord>(error);
            }

            var offset = nextOffset.GetValueOrDefault(topic);
            nextOffset[topic] = offset + 1;
            return Task.FromResult(new TransactionRecord(topic, 0, offset, key));
        }
    }

    public void SendOffsetsToTransaction(IEnumerable<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata, TimeSpan timeout)
    {
        Record("send-offsets", null);
        SentOffsets.Add(([.. offsets], groupMetadata));
    }

    public void CommitTransaction()
    {
        Record("commit", CommitErrors);
        WriteMarkers();
    }

    public void AbortTransaction()
    {
        Record("abort", AbortErrors);
        WriteMarkers();
    }

    public void Dispose() => Disposed = true;

    private void Record(string call, Queue<Exception>? errors)
    {
        lock (gate)
        {
            Calls.Add(call);
            if (errors is not null && errors.TryDequeue(out var error))
            {
                throw error;
            }
        }
    }

    // A control marker takes one offset in every partition the transaction wrote to, as on Kafka.
    private void WriteMarkers()
    {
        lock (gate)
        {
            foreach (var topic in nextOffset.Keys.ToList())
            {
                nextOffset[topic]++;
            }
        }
    }
}
