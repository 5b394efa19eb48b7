using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;
using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>AlterConfigs (33): replaces a topic's whole set of config overrides; broker configs are fixed at start.</summary>
internal sealed class AlterConfigsHandler : ApiHandler<AlterConfigsRequest, AlterConfigsResponse>
{
    protected override AlterConfigsResponse Handle(RequestContext context, AlterConfigsRequest request)
    {
        var response = new AlterConfigsResponse();
        foreach (var resource in request.Resources)
        {
            var (error, message) = ConfigResourceTarget.Resolve(context.Cluster, resource.ResourceType, resource.ResourceName, out var topic);
            if (topic is not null)
            {
                (error, message) = TopicConfigChange.Replace(topic, resource.Configs.Select(c => (c.Name, c.Value)), request.ValidateOnly);
            }

            response.Responses.Add(new AlterConfigsResponse.ConfigResourceResult
            {
                ResourceType = resource.ResourceType, ResourceName = resource.ResourceName, ErrorCode = (short)error, ErrorMessage = message,
            });
        }

        return response;
    }
}
