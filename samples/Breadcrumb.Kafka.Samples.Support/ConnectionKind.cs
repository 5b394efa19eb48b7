namespace Breadcrumb.Kafka.Samples;

/// <summary>Where a sample's broker came from.</summary>
public enum ConnectionKind
{
    /// <summary>An embedded broker started inside this process.</summary>
    EmbeddedInProcess,

    /// <summary>The embedded broker of a running <c>samples/Broker</c> host, found through its well-known file.</summary>
    BrokerHost,

    /// <summary>A cluster named by <c>-f librdkafka.config</c> or <c>--bootstrap-servers</c>.</summary>
    Cluster,
}
