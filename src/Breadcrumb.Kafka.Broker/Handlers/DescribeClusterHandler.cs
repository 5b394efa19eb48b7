using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>DescribeCluster (60): the cluster id, controller and live brokers; brokers do not describe controllers (endpoint type 2).</summary>
internal sealed class DescribeClusterHandler : ApiHandler<DescribeClusterRequest, DescribeClusterResponse>
{
    private const sbyte BrokerEndpoints = 1;

    protected override DescribeClusterResponse Handle(RequestContext context, DescribeClusterRequest request)
    {
        var cluster = context.Cluster;
        if (request.EndpointType != BrokerEndpoints)
        {
            return new DescribeClusterResponse
            {
                ErrorCode = (short)ErrorCode.UnsupportedEndpointType,
                ErrorMessage = "Brokers describe broker endpoints only (endpoint type 1).",
                EndpointType = request.EndpointType,
            };
        }

        return new DescribeClusterResponse
        {
            ClusterId = cluster.ClusterId,
            ControllerId = cluster.Controller.NodeId,
            EndpointType = BrokerEndpoints,
            Brokers = [.. cluster.Brokers.Where(b => b.IsListening).Select(b => new DescribeClusterResponse.ClusterNode { BrokerId = b.NodeId, Host = b.Host, Port = b.Port })],
            ClusterAuthorizedOperations = request.IncludeClusterAuthorizedOperations ? AuthorizedOperations.Cluster : AuthorizedOperations.NotRequested,
        };
    }
}
