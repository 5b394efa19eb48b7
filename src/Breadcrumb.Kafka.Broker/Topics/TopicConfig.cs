using System.Globalization;

namespace Breadcrumb.Kafka.Broker.Topics;

/// <summary>
/// A topic's config: the values set on it (overrides) over the cluster's defaults, and the parsed values this
/// broker acts on. Immutable: altering configs makes a new one.
/// </summary>
internal sealed class TopicConfig
{
    private TopicConfig(IReadOnlyDictionary<string, string> overrides, IReadOnlyDictionary<string, string> clusterDefaults)
    {
        Overrides = overrides;
        ClusterDefaults = clusterDefaults;
        RetentionMs = ParseLong(TopicConfigCatalog.RetentionMs);
        RetentionBytes = ParseLong(TopicConfigCatalog.RetentionBytes);
        MaxMessageBytes = (int)ParseLong(TopicConfigCatalog.MaxMessageBytes);
        LogAppendTime = Value(TopicConfigCatalog.MessageTimestampType) == "LogAppendTime";
        Compact = Value(TopicConfigCatalog.CleanupPolicy).Split(',', StringSplitOptions.TrimEntries).Contains("compact");
    }

    /// <summary>Gets the values set on the topic itself.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; }

    /// <summary>Gets the cluster-wide defaults that replace Kafka's own (the embedded broker keeps everything by default).</summary>
    public IReadOnlyDictionary<string, string> ClusterDefaults { get; }

    /// <summary>Gets retention.ms: -1 keeps records whatever their age.</summary>
    public long RetentionMs { get; }

    /// <summary>Gets retention.bytes: -1 keeps records whatever the partition's size.</summary>
    public long RetentionBytes { get; }

    /// <summary>Gets max.message.bytes: the largest record batch a producer may append.</summary>
    public int MaxMessageBytes { get; }

    /// <summary>Gets whether message.timestamp.type is LogAppendTime.</summary>
    public bool LogAppendTime { get; }

    /// <summary>Gets whether cleanup.policy includes compact.</summary>
    public bool Compact { get; }

    public static TopicConfig Create(IReadOnlyDictionary<string, string>? overrides, IReadOnlyDictionary<string, string> clusterDefaults) =>
        new(overrides is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(overrides, StringComparer.Ordinal), clusterDefaults);

    /// <summary>Gets a config's value and where it comes from: the topic, the cluster's defaults, or Kafka's default.</summary>
    public (string Value, ConfigSource Source) Describe(ConfigDefinition definition) =>
        Overrides.TryGetValue(definition.Name, out var set) ? (set, ConfigSource.Topic)
        : ClusterDefaults.TryGetValue(definition.Name, out var cluster) ? (cluster, ConfigSource.Cluster)
        : (definition.Default, ConfigSource.Default);

    public TopicConfig With(IReadOnlyDictionary<string, string> overrides) => Create(overrides, ClusterDefaults);

    private string Value(string name) => Describe(TopicConfigCatalog.Find(name)!).Value;

    private long ParseLong(string name) => long.Parse(Value(name), CultureInfo.InvariantCulture);
}

/// <summary>Where a config value comes from.</summary>
internal enum ConfigSource
{
    Topic,
    Cluster,
    Default,
}
