namespace Breadcrumb.Kafka.Broker.Server;

/// <summary>What a handler knows about the request besides its body: the header, the broker and connection it came through.</summary>
internal sealed class RequestContext(ClusterCore cluster, BrokerServer broker, ClientConnection connection, RequestHeader header, CancellationToken cancellationToken)
{
    public ClusterCore Cluster { get; } = cluster;

    public BrokerServer Broker { get; } = broker;

    public ClientConnection Connection { get; } = connection;

    public RequestHeader Header { get; } = header;

    public short Version => Header.ApiVersion;

    /// <summary>Gets a token cancelled when the connection closes or the cluster stops.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;
}
