using Breadcrumb.Kafka.Testing;

namespace Breadcrumb.Kafka.IntegrationTests.Transactions;

/// <summary>One embedded cluster per class, probed once for each transactional capability the scenarios need.</summary>
public sealed class TransactionProbeFixture : EmbeddedKafkaFixture
{
    private readonly Lazy<Task<BrokerCapability>> readCommitted;
    private readonly Lazy<Task<BrokerCapability>> transactionalOffsets;
    private readonly Lazy<Task<BrokerCapability>> fencing;

    public TransactionProbeFixture()
    {
        readCommitted = new(() => ReadCommittedProbe.RunAsync(Cluster));
        transactionalOffsets = new(() => TransactionalOffsetsProbe.RunAsync(Cluster));
        fencing = new(() => TransactionalFencingProbe.RunAsync(Cluster));
    }

    public Task<BrokerCapability> ProbeAsync(BrokerRequirement requirement) => requirement switch
    {
        BrokerRequirement.ReadCommitted => readCommitted.Value,
        BrokerRequirement.TransactionalOffsets => transactionalOffsets.Value,
        _ => fencing.Value,
    };
}
