using System.Globalization;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Topics;

/// <summary>The broker configs DescribeConfigs reports for a BROKER resource: read-only, from the cluster's options.</summary>
internal static class BrokerConfigs
{
    public static IReadOnlyList<(string Name, string Value, ConfigType Type)> Describe(ClusterCore cluster, int nodeId)
    {
        var o = cluster.Options;
        string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
        string TopicDefault(string name) => TopicConfig.Create(null, cluster.Topics.ClusterDefaults).Describe(TopicConfigCatalog.Find(name)!).Value;
        return
        [
            ("auto.create.topics.enable", o.AutoCreateTopics ? "true" : "false", ConfigType.Boolean),
            ("broker.id", Text(nodeId), ConfigType.Int),
            ("connections.max.idle.ms", Text(o.ConnectionIdleTimeout == Timeout.InfiniteTimeSpan ? -1 : (long)o.ConnectionIdleTimeout.TotalMilliseconds), ConfigType.Long),
            ("default.replication.factor", "1", ConfigType.Int),
            ("log.retention.bytes", TopicDefault(TopicConfigCatalog.RetentionBytes), ConfigType.Long),
            ("log.retention.ms", TopicDefault(TopicConfigCatalog.RetentionMs), ConfigType.Long),
            ("message.max.bytes", TopicDefault(TopicConfigCatalog.MaxMessageBytes), ConfigType.Int),
            ("num.partitions", Text(o.DefaultPartitions), ConfigType.Int),
            ("socket.request.max.bytes", Text(o.MaxRequestBytes), ConfigType.Int),
        ];
    }
}
