using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Server;
using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>Finds the topic a config change is for, or the error for resources whose configs cannot change.</summary>
internal static class ConfigResourceTarget
{
    public static (ErrorCode Error, string? Message) Resolve(ClusterCore cluster, sbyte resourceType, string resourceName, out TopicState? topic)
    {
        topic = null;
        switch (resourceType)
        {
            case DescribeConfigsHandler.TopicResource:
                topic = cluster.Topics.Find(resourceName);
                return topic is null ? (ErrorCode.UnknownTopicOrPartition, $"Topic '{resourceName}' does not exist.") : (ErrorCode.None, null);
            case DescribeConfigsHandler.BrokerResource or DescribeConfigsHandler.BrokerLoggerResource:
                return (ErrorCode.InvalidRequest, "The embedded broker's own configs are fixed when it starts (KafkaClusterOptions); only topic configs change.");
            default:
                return (ErrorCode.InvalidRequest, $"Resource type {resourceType} has no configs to change here (topics: 2).");
        }
    }
}
