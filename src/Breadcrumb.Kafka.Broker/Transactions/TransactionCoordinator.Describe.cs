namespace Breadcrumb.Kafka.Broker.Transactions;

/// <summary>A transactional id at one moment, for DescribeTransactions and ListTransactions.</summary>
internal sealed record TransactionSnapshot(
    string TransactionalId, long ProducerId, short ProducerEpoch, TransactionStatus Status, int TimeoutMs, long StartTimeMs,
    IReadOnlyList<(string Topic, int Partition)> Partitions);

/// <summary>Describing and listing transactional ids.</summary>
internal sealed partial class TransactionCoordinator
{
    public TransactionSnapshot? Describe(string transactionalId)
    {
        lock (sync)
        {
            return states.TryGetValue(transactionalId, out var state) ? Snapshot(state) : null;
        }
    }

    public IReadOnlyList<TransactionSnapshot> All()
    {
        lock (sync)
        {
            return [.. states.Values.Select(Snapshot)];
        }
    }

    private static TransactionSnapshot Snapshot(TransactionState s) =>
        new(s.TransactionalId, s.ProducerId, s.ProducerEpoch, s.Status, s.TimeoutMs, s.StartTimeMs, [.. s.Partitions.Select(p => (p.Topic.Name, p.Partition))]);
}
