namespace Breadcrumb.Kafka.Broker.Transactions;

/// <summary>Hands out producer ids, unique in the cluster's lifetime, as Kafka's controller does in blocks.</summary>
internal sealed class ProducerIdAllocator
{
    private long next = 999;

    public long Next() => Interlocked.Increment(ref next);
}
