using System.Globalization;
using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;
using Breadcrumb.Kafka.Broker.Topics;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>
/// DescribeConfigs (32): every topic config Kafka knows, with its value and where it comes from (the topic, the
/// cluster's defaults, Kafka's default); a broker's configs from the cluster's options, read-only.
/// </summary>
internal sealed class DescribeConfigsHandler : ApiHandler<DescribeConfigsRequest, DescribeConfigsResponse>
{
    public const sbyte TopicResource = 2;
    public const sbyte BrokerResource = 4;
    public const sbyte BrokerLoggerResource = 8;

    protected override DescribeConfigsResponse Handle(RequestContext context, DescribeConfigsRequest request)
    {
        var response = new DescribeConfigsResponse();
        foreach (var resource in request.Resources)
        {
            var result = new DescribeConfigsResponse.ConfigResourceResult { ResourceType = resource.ResourceType, ResourceName = resource.ResourceName };
            response.Results.Add(result);
            var wanted = resource.ConfigurationKeys is { } keys ? new HashSet<string>(keys, StringComparer.Ordinal) : null;
            switch (resource.ResourceType)
            {
                case TopicResource when context.Cluster.Topics.Find(resource.ResourceName) is { } topic:
                    result.Configs = [.. TopicConfigCatalog.All.Where(d => wanted?.Contains(d.Name) != false).Select(d => TopicEntry(topic, d, request))];
                    break;
                case TopicResource:
                    result.ErrorCode = (short)ErrorCode.UnknownTopicOrPartition;
                    result.ErrorMessage = $"Topic '{resource.ResourceName}' does not exist.";
                    break;
                case BrokerResource when BrokerId(context.Cluster, resource.ResourceName) is { } nodeId:
                    result.Configs = [.. BrokerConfigs.Describe(context.Cluster, nodeId).Where(c => wanted?.Contains(c.Name) != false).Select(c =>
                        new DescribeConfigsResponse.ConfigEntry
                        {
                            Name = c.Name, Value = c.Value, ReadOnly = true, ConfigSource = ConfigSources.StaticBrokerConfig, ConfigType = (sbyte)c.Type,
                        })];
                    break;
                case BrokerLoggerResource when BrokerId(context.Cluster, resource.ResourceName) is not null:
                    break;
                case BrokerResource or BrokerLoggerResource:
                    result.ErrorCode = (short)ErrorCode.InvalidRequest;
                    result.ErrorMessage = $"Broker '{resource.ResourceName}' is not a broker of this cluster.";
                    break;
                default:
                    result.ErrorCode = (short)ErrorCode.InvalidRequest;
                    result.ErrorMessage = $"Resource type {resource.ResourceType} has no configs to describe here (topics: 2, brokers: 4).";
                    break;
            }
        }

        return response;
    }

    private static DescribeConfigsResponse.ConfigEntry TopicEntry(TopicState topic, ConfigDefinition definition, DescribeConfigsRequest request)
    {
        var (value, source) = topic.Config.Describe(definition);
        var entry = new DescribeConfigsResponse.ConfigEntry
        {
            Name = definition.Name,
            Value = value,
            ConfigSource = (sbyte)ConfigSources.ToProtocol(source),
            ConfigType = (sbyte)definition.Type,
        };
        if (request.IncludeSynonyms)
        {
            if (topic.Config.Overrides.TryGetValue(definition.Name, out var set))
            {
                entry.Synonyms.Add(new() { Name = definition.Name, Value = set, Source = ConfigSources.TopicConfig });
            }

            if (topic.Config.ClusterDefaults.TryGetValue(definition.Name, out var cluster))
            {
                entry.Synonyms.Add(new() { Name = definition.Name, Value = cluster, Source = ConfigSources.StaticBrokerConfig });
            }

            entry.Synonyms.Add(new() { Name = definition.Name, Value = definition.Default, Source = ConfigSources.DefaultConfig });
        }

        if (request.IncludeDocumentation && !TopicConfigCatalog.Effective.Contains(definition.Name))
        {
            entry.Documentation = "Validated and stored; the embedded broker does not act on it.";
        }

        return entry;
    }

    private static int? BrokerId(ClusterCore cluster, string name) =>
        name.Length == 0 ? cluster.Brokers[0].NodeId
        : int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && cluster.FindBroker(id) is not null ? id
        : null;
}
