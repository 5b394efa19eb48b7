using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>DeleteTopics (20): by name (v1–5) or by name or id (v6); the topic and its records go at once.</summary>
internal sealed class DeleteTopicsHandler : ApiHandler<DeleteTopicsRequest, DeleteTopicsResponse>
{
    protected override DeleteTopicsResponse Handle(RequestContext context, DeleteTopicsRequest request)
    {
        var asked = context.Version >= 6
            ? request.Topics.Select(t => (t.Name, t.TopicId))
            : request.TopicNames.Select(n => ((string?)n, Guid.Empty));
        var response = new DeleteTopicsResponse();
        foreach (var (name, id) in asked)
        {
            var topics = context.Cluster.Topics;
            var topic = name is not null ? topics.Find(name) : topics.Find(id);
            var result = new DeleteTopicsResponse.DeletionResult { Name = name ?? topic?.Name, TopicId = topic?.Id ?? id };
            response.Responses.Add(result);
            if (name is not null && id != Guid.Empty)
            {
                result.ErrorCode = (short)ErrorCode.InvalidRequest;
                result.ErrorMessage = "A topic to delete is named by its name or by its id, not both.";
            }
            else if (topic is null || !context.Cluster.DeleteTopic(topic))
            {
                result.ErrorCode = (short)(name is null ? ErrorCode.UnknownTopicId : ErrorCode.UnknownTopicOrPartition);
                result.ErrorMessage = name is null ? $"Topic id {id} does not exist." : $"Topic '{name}' does not exist.";
            }
        }

        return response;
    }
}
