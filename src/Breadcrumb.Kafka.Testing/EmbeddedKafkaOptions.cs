namespace Breadcrumb.Kafka.Testing;

/// <summary>Configures an <see cref="EmbeddedKafkaCluster"/>.</summary>
public sealed class EmbeddedKafkaOptions
{
    /// <summary>Gets or sets how many brokers the cluster has.</summary>
    /// <value>The default is 1. Must be between 1 and 16.</value>
    public int BrokerCount { get; set; } = EmbeddedKafkaDefaults.BrokerCount;

    /// <summary>
    /// Gets or sets a value indicating whether consumer groups use the fast, stall-free profile:
    /// the KIP-848 consumer protocol with a 100 ms mock heartbeat, a 3 s member session timeout
    /// and a 200 ms initial rebalance delay.
    /// </summary>
    /// <value>The default is <see langword="true"/>. With <see langword="false"/> the mock's own defaults apply
    /// (a first group join waits 3 s; a re-join right after a close can wait ~44 s).</value>
    public bool FastGroupProfile { get; set; } = true;

    /// <summary>Gets or sets the mock's member session timeout for KIP-848 groups (how soon a dead member's partitions move).</summary>
    /// <value>The default is 3 seconds.</value>
    public TimeSpan GroupSessionTimeout { get; set; } = EmbeddedKafkaDefaults.GroupSessionTimeout;

    /// <summary>Gets or sets whether clients reach the mock through the transaction-aware layer or directly.</summary>
    /// <value>The default is <see cref="EmbeddedKafkaFidelity.Faithful"/>.</value>
    /// <remarks>
    /// <see cref="EmbeddedKafkaFidelity.Faithful"/> gives read_committed consumers Kafka's answers (last stable offset,
    /// aborted records skipped) and counts the bytes each partition received;
    /// <see cref="EmbeddedKafkaFidelity.RawMock"/> measures the mock alone.
    /// </remarks>
    public EmbeddedKafkaFidelity Fidelity { get; set; } = EmbeddedKafkaFidelity.Faithful;

    internal void Validate()
    {
        if (BrokerCount is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(
                nameof(BrokerCount), BrokerCount, $"{nameof(EmbeddedKafkaOptions)}.{nameof(BrokerCount)} must be between 1 and 16.");
        }

        if (!Enum.IsDefined(Fidelity))
        {
            throw new ArgumentOutOfRangeException(
                nameof(Fidelity), Fidelity, $"{nameof(EmbeddedKafkaOptions)}.{nameof(Fidelity)} must be Faithful or RawMock.");
        }

        if (GroupSessionTimeout < TimeSpan.FromMilliseconds(500) || GroupSessionTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(
                nameof(GroupSessionTimeout),
                GroupSessionTimeout,
                $"{nameof(EmbeddedKafkaOptions)}.{nameof(GroupSessionTimeout)} must be between 500 ms and 5 minutes.");
        }
    }
}
