using Breadcrumb.Kafka.Broker.Faults;

namespace Breadcrumb.Kafka.Broker.Server;

/// <summary>What a handler knows about the request besides its body: the header, the broker and connection it came through.</summary>
internal sealed class RequestContext(ClusterCore cluster, BrokerServer broker, ClientConnection connection, RequestHeader header, CancellationToken cancellationToken)
{
    public ClusterCore Cluster { get; } = cluster;

    public BrokerServer Broker { get; } = broker;

    public ClientConnection Connection { get; } = connection;

    public RequestHeader Header { get; } = header;

    public short Version => Header.ApiVersion;

    /// <summary>Gets or sets the injected errors this request gets, per partition; null when none.</summary>
    public RequestFaults? Faults { get; set; }

    /// <summary>Gets the injected error for one partition of the request, or None.</summary>
    public Protocol.ErrorCode InjectedError(string topic, int partition) => Faults?.ErrorFor(topic, partition) ?? Protocol.ErrorCode.None;

    /// <summary>Gets a token cancelled when the connection closes or the cluster stops.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;
}
