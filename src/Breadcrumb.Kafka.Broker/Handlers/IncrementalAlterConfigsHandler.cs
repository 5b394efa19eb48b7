using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;
using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>IncrementalAlterConfigs (44): SET, DELETE, APPEND and SUBTRACT on a topic's configs, all or nothing per topic.</summary>
internal sealed class IncrementalAlterConfigsHandler : ApiHandler<IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse>
{
    protected override IncrementalAlterConfigsResponse Handle(RequestContext context, IncrementalAlterConfigsRequest request)
    {
        var response = new IncrementalAlterConfigsResponse();
        foreach (var resource in request.Resources)
        {
            var (error, message) = ConfigResourceTarget.Resolve(context.Cluster, resource.ResourceType, resource.ResourceName, out var topic);
            if (topic is not null)
            {
                (error, message) = TopicConfigChange.Apply(topic, resource.Configs.Select(c => (c.Name, c.ConfigOperation, c.Value)), request.ValidateOnly);
            }

            response.Responses.Add(new IncrementalAlterConfigsResponse.ConfigResourceResult
            {
                ResourceType = resource.ResourceType, ResourceName = resource.ResourceName, ErrorCode = (short)error, ErrorMessage = message,
            });
        }

        return response;
    }
}
