namespace Breadcrumb.Kafka.Broker.Topics;

/// <summary>
/// The topic configs Kafka 4 knows, with Kafka's defaults. Every one is accepted, validated and described; the
/// ones that change this broker's behaviour are listed in <see cref="Effective"/> (the rest are stored only).
/// </summary>
internal static class TopicConfigCatalog
{
    public const string CleanupPolicy = "cleanup.policy";
    public const string MaxMessageBytes = "max.message.bytes";
    public const string MessageTimestampType = "message.timestamp.type";
    public const string RetentionBytes = "retention.bytes";
    public const string RetentionMs = "retention.ms";

    /// <summary>Kafka's default max.message.bytes: 1 MiB plus the 12-byte log overhead.</summary>
    public const int DefaultMaxMessageBytes = 1048588;

    public static readonly IReadOnlyList<ConfigDefinition> All =
    [
        ConfigDefinition.ListOf(CleanupPolicy, "delete", "delete", "compact"),
        ConfigDefinition.OneOf("compression.type", "producer", "uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"),
        ConfigDefinition.Int("compression.gzip.level", -1, -1, 9),
        ConfigDefinition.Int("compression.lz4.level", 9, 1, 17),
        ConfigDefinition.Int("compression.zstd.level", 3, -131072, 22),
        ConfigDefinition.Long("delete.retention.ms", 86400000, 0),
        ConfigDefinition.Long("file.delete.delay.ms", 60000, 0),
        ConfigDefinition.Long("flush.messages", long.MaxValue, 1),
        ConfigDefinition.Long("flush.ms", long.MaxValue, 0),
        ConfigDefinition.Text("follower.replication.throttled.replicas", ""),
        ConfigDefinition.Int("index.interval.bytes", 4096, 0),
        ConfigDefinition.Text("leader.replication.throttled.replicas", ""),
        ConfigDefinition.Long("local.retention.bytes", -2, -2),
        ConfigDefinition.Long("local.retention.ms", -2, -2),
        ConfigDefinition.Long("max.compaction.lag.ms", long.MaxValue, 1),
        ConfigDefinition.Int(MaxMessageBytes, DefaultMaxMessageBytes, 0),
        ConfigDefinition.Long("message.timestamp.after.max.ms", long.MaxValue, 0),
        ConfigDefinition.Long("message.timestamp.before.max.ms", long.MaxValue, 0),
        ConfigDefinition.OneOf(MessageTimestampType, "CreateTime", "CreateTime", "LogAppendTime"),
        ConfigDefinition.Double("min.cleanable.dirty.ratio", 0.5, 0, 1),
        ConfigDefinition.Long("min.compaction.lag.ms", 0, 0),
        ConfigDefinition.Int("min.insync.replicas", 1, 1),
        ConfigDefinition.Bool("preallocate", false),
        ConfigDefinition.Bool("remote.log.copy.disable", false),
        ConfigDefinition.Bool("remote.log.delete.on.disable", false),
        ConfigDefinition.Bool("remote.storage.enable", false),
        ConfigDefinition.Long(RetentionBytes, -1),
        ConfigDefinition.Long(RetentionMs, -1, -1),
        ConfigDefinition.Int("segment.bytes", 1073741824, 14),
        ConfigDefinition.Int("segment.index.bytes", 10485760, 4),
        ConfigDefinition.Long("segment.jitter.ms", 0, 0),
        ConfigDefinition.Long("segment.ms", 604800000, 1),
        ConfigDefinition.Bool("unclean.leader.election.enable", false),
    ];

    /// <summary>Gets the configs that change what this broker does; the others are validated and stored.</summary>
    public static readonly IReadOnlySet<string> Effective =
        new HashSet<string>(StringComparer.Ordinal) { CleanupPolicy, MaxMessageBytes, MessageTimestampType, RetentionBytes, RetentionMs };

    private static readonly Dictionary<string, ConfigDefinition> ByName = All.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public static ConfigDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Checks a config name and value; returns null when both are valid, else Kafka's message.</summary>
    public static string? Check(string name, string? value) =>
        Find(name) is { } definition ? definition.Check(value) : $"Unknown topic config name: {name}";
}
