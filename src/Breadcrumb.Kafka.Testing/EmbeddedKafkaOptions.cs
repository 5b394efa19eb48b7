using Breadcrumb.Kafka.Broker;

namespace Breadcrumb.Kafka.Testing;

/// <summary>Configures an <see cref="EmbeddedKafkaCluster"/>.</summary>
public sealed class EmbeddedKafkaOptions
{
    /// <summary>Gets or sets how many brokers the cluster has (a shortcut for <see cref="KafkaClusterOptions.BrokerCount"/>).</summary>
    /// <value>The default is 1. Must be between 1 and 64.</value>
    public int BrokerCount
    {
        get => Broker.BrokerCount;
        set => Broker.BrokerCount = value;
    }

    /// <summary>
    /// Gets the settings of the broker itself: listeners, topic defaults, memory budget, group and transaction
    /// timeouts, SASL and TLS, clock and logging. See <see cref="KafkaClusterOptions"/>.
    /// </summary>
    public KafkaClusterOptions Broker { get; } = new();
}
